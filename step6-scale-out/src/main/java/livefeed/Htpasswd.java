package livefeed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One line of the password file nginx's auth_basic reads: {@code admin:{SSHA}...}, a salted
 * SHA-1 of the password, a scheme nginx understands. Good enough for a demo on your own machine;
 * a real deployment would keep the file out of the project and use a slower hash.
 */
final class Htpasswd {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Htpasswd() {
    }

    // tag::salted-sha1-line[]
    static String line(String user, String password) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] digestThenSalt = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, digestThenSalt, 0, digest.length);
            System.arraycopy(salt, 0, digestThenSalt, digest.length, salt.length);
            return user + ":{SSHA}" + Base64.getEncoder().encodeToString(digestThenSalt) + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
    // end::salted-sha1-line[]

    /** A password for the demo when FEED_ADMIN_PASSWORD is not set: 12 letters and digits. */
    static String newPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
