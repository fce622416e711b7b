import { createTheme } from "@mantine/core";

/** Opora's calm theme: one blue accent, soft radii, readable tables. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily:
    "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  headings: { fontWeight: "600" },
  components: {
    Table: { defaultProps: { verticalSpacing: "xs", highlightOnHover: true } },
    Paper: { defaultProps: { withBorder: true, p: "md" } },
    // Lower-case badges read calmer in dense tables than Mantine's default capitals.
    Badge: { styles: { label: { textTransform: "none", fontWeight: 500 } } },
  },
});
