import { z } from "zod";

/** Zod speaks Russian: validation messages reach users as they are. Import once at each entry point. */
z.config(z.locales.ru());
