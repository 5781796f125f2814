package dev.bosun.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    @Test
    void secretLikeNamesByWordPart() {
        for (String n : List.of("password", "PASSWORD", "DB_PASSWORD", "POSTGRES_PASSWORD", "passwd", "DB_PASS",
                "MYSQL_PWD", "passphrase", "API_KEY", "apiKey", "APIKey", "PRIVATE_KEY", "KEY", "sshKeys", "token",
                "GITHUB_TOKEN", "X-Auth-Token", "client_secret", "aws.secret", "CREDENTIALS", "creds", "auth",
                "Authorization", "cookie", "privkey", "spring.datasource.password", "Secret")) {
            assertTrue(Secrets.isSecretName(n), n);
        }
        for (String n : List.of("MONKEY", "keyboard", "PASSAGE", "author", "name", "TZ", "Environment", "PWD",
                "OLDPWD", "POSTGRES_PASSWORD_FILE", "AuthFile", "keyFile", "SSL_KEY_PATH", "secretDir", "", "bypass")) {
            assertFalse(Secrets.isSecretName(n), n);
        }
    }

    @Test
    void wordParts() {
        assertEquals(List.of("api", "key"), Secrets.parts("APIKey"));
        assertEquals(List.of("db", "password", "file"), Secrets.parts("DB_PASSWORD_FILE"));
        assertEquals(List.of("oauth2", "token"), Secrets.parts("oauth2Token"));
        assertEquals(List.of("x", "auth", "token"), Secrets.parts("X-Auth-Token"));
    }

    @Test
    void unitEnvironmentValuesAreMasked() {
        assertEquals("Environment=POSTGRES_PASSWORD=***\n", Secrets.maskText("Environment=POSTGRES_PASSWORD=hunter2\n"));
        assertEquals("Environment=\"A=1\" \"DB_TOKEN=***\"", Secrets.maskText("Environment=\"A=1\" \"DB_TOKEN=y z\""));
        assertEquals("Environment=DB_TOKEN=*** TZ=UTC", Secrets.maskText("Environment=DB_TOKEN=\"y z\" TZ=UTC"));
        assertEquals("Environment=TZ=UTC LANG=C", Secrets.maskText("Environment=TZ=UTC LANG=C"));
        assertEquals("Secret=***,type=env,target=DB_PASSWORD",
                Secrets.maskText("Secret=pgpass,type=env,target=DB_PASSWORD"));
        // The same source in the podman command line Podman's generator makes of that entry.
        assertEquals("ExecStart=/usr/bin/podman run -d --secret ***,type=env,target=DB_PASSWORD --secret=*** img",
                Secrets.maskText("ExecStart=/usr/bin/podman run -d --secret pgpass,type=env,target=DB_PASSWORD --secret=db img"));
        assertEquals("--secrets x --no-secret y", Secrets.maskText("--secrets x --no-secret y"));
        assertEquals("[Container]\nImage=x\nEnvironment=A=1 \\\n  API_KEY=*** \\\n  B=2\n",
                Secrets.maskText("[Container]\nImage=x\nEnvironment=A=1 \\\n  API_KEY=abc \\\n  B=2\n"));
    }

    @Test
    void otherShapesOfNameValue() {
        assertEquals("DB_PASSWORD=***\n", Secrets.maskText("DB_PASSWORD=abc def\n"));
        assertEquals("export GITHUB_TOKEN=***", Secrets.maskText("export GITHUB_TOKEN=ghp_x"));
        assertEquals("password = ***\r\n", Secrets.maskText("password = hunter2\r\n"));
        assertEquals("--db-password=*** --user=x", Secrets.maskText("--db-password=s3 --user=x"));
        assertEquals("https://h/p?token=***&page=2", Secrets.maskText("https://h/p?token=abc&page=2"));
        assertEquals("MONKEY=banana PASSWORD_FILE=/run/s", Secrets.maskText("MONKEY=banana PASSWORD_FILE=/run/s"));
        assertEquals("no pairs here", Secrets.maskText("no pairs here"));
        assertEquals("a == b", Secrets.maskText("a == b"));
    }

    @Test
    void assignmentsOfUnitEntries() {
        assertEquals("POSTGRES_PASSWORD=***", Secrets.maskAssignment("Environment", "POSTGRES_PASSWORD=hunter2"));
        assertEquals("***,type=mount", Secrets.maskAssignment("Secret", "pg,type=mount"));
        assertEquals("***", Secrets.maskAssignment("DB_PASSWORD", "x y"));
        assertEquals("docker.io/x", Secrets.maskAssignment("Image", "docker.io/x"));
    }
}
