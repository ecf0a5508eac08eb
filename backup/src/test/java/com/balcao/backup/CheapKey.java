package com.balcao.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Gives a test repository a key for the same password that opens in a millisecond. restic
 * derives the key with scrypt on every command, with parameters calibrated at init to take
 * about half a second (p up to 9 on an idle machine here), and 0.14 has no option to change
 * them: a hundred nights of backups would spend most of their time there. The key file is
 * written as restic writes its own (design.rst, "Keys, Encryption and MAC"), with scrypt
 * N=1024, r=8, p=1; the repository and its master key stay as they are.
 */
public final class CheapKey {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheapKey() { }

    /** Creates a local repository at {@code repo} whose only key is such a key. */
    public static void create(Path repo, String password) throws Exception {
        new BackupEngine(BackupTarget.local(repo, password), repo.resolveSibling("work")).init();
        install(repo, password);
    }

    /** Replaces the only key of the local repository at {@code repo}. */
    public static void install(Path repo, String password) throws Exception {
        Proc.Result master = Proc.run(List.of("restic", "--no-cache", "cat", "masterkey"),
            Map.of("RESTIC_REPOSITORY", repo.toString(), "RESTIC_PASSWORD", password), null,
            null, Duration.ofMinutes(2));
        if (!master.ok()) {
            throw new IllegalStateException("cannot read the master key: " + master.err());
        }
        byte[] salt = random(64);
        byte[] derived = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, 1024, 8,
            1, 64);
        byte[] nonce = random(16);
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"),
            new IvParameterSpec(nonce));
        byte[] sealed = aes.doFinal(master.out().getBytes(StandardCharsets.UTF_8));
        // Poly1305-AES over the ciphertext: restic's MAC key is k (16 bytes) then r (16
        // bytes); Bouncy Castle takes r then k, and the nonce as its IV
        byte[] macKey = new byte[32];
        System.arraycopy(derived, 48, macKey, 0, 16);
        System.arraycopy(derived, 32, macKey, 16, 16);
        Poly1305 mac = new Poly1305(AESEngine.newInstance());
        mac.init(new ParametersWithIV(new KeyParameter(macKey), nonce));
        mac.update(sealed, 0, sealed.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        byte[] data = new byte[nonce.length + sealed.length + tag.length];
        System.arraycopy(nonce, 0, data, 0, 16);
        System.arraycopy(sealed, 0, data, 16, sealed.length);
        System.arraycopy(tag, 0, data, 16 + sealed.length, 16);

        ObjectNode key = JSON.createObjectNode().put("created", Instant.now().toString())
            .put("username", "test").put("hostname", "test").put("kdf", "scrypt")
            .put("N", 1024).put("r", 8).put("p", 1)
            .put("salt", Base64.getEncoder().encodeToString(salt))
            .put("data", Base64.getEncoder().encodeToString(data));
        byte[] file = JSON.writeValueAsBytes(key);
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        Path keys = repo.resolve("keys");
        try (Stream<Path> old = Files.list(keys)) {
            for (Path path : old.toList()) {
                Files.delete(path);
            }
        }
        Files.write(keys.resolve(id), file);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
