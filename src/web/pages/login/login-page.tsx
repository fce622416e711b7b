import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { type LoginInput, loginInputSchema } from "../../../shared/api";
import { useSignIn } from "../../app/session";
import { useDocumentTitle } from "../../components/page-header";
import { DemoSignIns } from "./demo-sign-ins";

/** The sign-in page: login and password, the server's error text, demo accounts on a demo installation. */
export function LoginPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  useDocumentTitle(t("login.title"));
  const form = useForm<LoginInput>({
    initialValues: { login: "", password: "" },
    validate: schemaResolver(loginInputSchema, { sync: true }),
  });

  return (
    <Box bg="gray.0" mih="100vh" py={60} px="md">
      <Center>
        <Stack w="100%" maw={640} gap="lg">
          <Stack gap={4} ta="center">
            <Title order={1} c="indigo.8">
              {t("app.name")}
            </Title>
            <Text c="dimmed">{t("app.tagline")}</Text>
          </Stack>
          <Paper p="xl" shadow="xs" w="100%" maw={440} mx="auto">
            <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
              <Stack>
                <Title order={3}>{t("login.title")}</Title>
                {signIn.isError && (
                  <Alert color="red" variant="light" data-testid="login-error">
                    {signIn.error.message}
                  </Alert>
                )}
                <TextInput
                  label={t("login.login")}
                  autoComplete="username"
                  autoFocus
                  {...form.getInputProps("login")}
                />
                <PasswordInput
                  label={t("login.password")}
                  autoComplete="current-password"
                  {...form.getInputProps("password")}
                />
                <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
                  {t("login.submit")}
                </Button>
              </Stack>
            </form>
          </Paper>
          <DemoSignIns onPick={(s) => form.setValues({ login: s.login, password: s.password })} />
        </Stack>
      </Center>
    </Box>
  );
}
