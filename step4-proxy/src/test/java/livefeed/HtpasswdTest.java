package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** One line of nginx's password file, read back the way nginx checks a password against it. */
class HtpasswdTest {

    @Test
    @DisplayName("the line reads user:{SSHA}, then Base64, then a newline")
    void writesUserSchemeAndBase64OnOneLine() {
        String line = Htpasswd.line("admin", "s3cret");

        assertThat(line).startsWith("admin:{SSHA}").endsWith("\n").hasLineCount(1);
        assertThat(Base64.getDecoder().decode(hash(line))).as("a 20-byte SHA-1 digest, then 8 bytes of salt").hasSize(28);
    }

    @Test
    @DisplayName("the digest is SHA-1 of the password, then the salt that follows it")
    void theDigestIsSha1OfThePasswordThenTheSalt() throws Exception {
        byte[] digestThenSalt = Base64.getDecoder().decode(hash(Htpasswd.line("admin", "s3cret")));
        byte[] digest = Arrays.copyOfRange(digestThenSalt, 0, 20);
        byte[] salt = Arrays.copyOfRange(digestThenSalt, 20, 28);

        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update("s3cret".getBytes(StandardCharsets.UTF_8));
        sha1.update(salt);

        assertThat(digest).isEqualTo(sha1.digest());
    }

    @Test
    @DisplayName("each line has its own random salt")
    void eachLineHasItsOwnSalt() {
        assertThat(Htpasswd.line("admin", "s3cret")).isNotEqualTo(Htpasswd.line("admin", "s3cret"));
    }

    private static String hash(String line) {
        return line.substring(line.indexOf("{SSHA}") + "{SSHA}".length()).strip();
    }
}
