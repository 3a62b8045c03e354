package org.rentrecovery.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

import io.smallrye.jwt.util.KeyUtils;

/**
 * The local signing key pair, as two PEM files in a folder: {@value #PRIVATE_KEY} (readable by the
 * owner only) signs tokens, {@value #PUBLIC_KEY} is what the token check reads
 * ({@code mp.jwt.verify.publickey.location}).
 */
public final class SigningKeys {
    public static final String PRIVATE_KEY = "token-signing.key.pem";
    public static final String PUBLIC_KEY = "token-signing.pub.pem";

    private SigningKeys() {
    }

    /** Makes a 2048-bit RSA pair in {@code directory} unless one is there; true when it made one. */
    public static synchronized boolean ensure(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY);
        Path publicFile = directory.resolve(PUBLIC_KEY);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return false;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path tmpPrivate = Files.createTempFile(directory, "signing", ".tmp");
            restrictToOwner(tmpPrivate);
            Files.writeString(tmpPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Path tmpPublic = Files.createTempFile(directory, "signing", ".tmp");
            Files.writeString(tmpPublic, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            // The public half last: a reader that sees it also sees the private half that matches.
            Files.move(tmpPrivate, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpPublic, publicFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the local signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    public static PrivateKey privateKey(Path directory) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(directory.resolve(PRIVATE_KEY), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The local signing key in " + directory + " is not an RSA private key", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
