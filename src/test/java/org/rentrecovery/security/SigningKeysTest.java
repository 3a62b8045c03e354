package org.rentrecovery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.jwt.util.KeyUtils;

/** The local signing key: made once, readable by its owner only, and the two halves match. */
class SigningKeysTest {

    @Test
    void makesAMatchingPairOnceAndKeepsItAfterwards(@TempDir Path folder) throws Exception {
        Path keys = folder.resolve("data/keys");
        assertThat(SigningKeys.ensure(keys)).isTrue();
        String publicPem = Files.readString(keys.resolve(SigningKeys.PUBLIC_KEY));
        assertThat(SigningKeys.ensure(keys)).as("a second start keeps the key").isFalse();
        assertThat(Files.readString(keys.resolve(SigningKeys.PUBLIC_KEY))).isEqualTo(publicPem);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(SigningKeys.PRIVATE_KEY))))
                .isEqualTo("rw-------");

        Signature sign = Signature.getInstance("SHA256withRSA");
        sign.initSign(SigningKeys.privateKey(keys));
        sign.update(new byte[] {1, 2, 3});
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(KeyUtils.decodePublicKey(publicPem));
        verify.update(new byte[] {1, 2, 3});
        assertThat(verify.verify(signature)).isTrue();
        try (var leftovers = Files.list(keys)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(SigningKeys.PRIVATE_KEY, SigningKeys.PUBLIC_KEY);
        }
    }
}
