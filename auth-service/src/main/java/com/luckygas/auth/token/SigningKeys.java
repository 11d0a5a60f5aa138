package com.luckygas.auth.token;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The RSA keys tokens are signed with. Each key is a PKCS#8 PEM file {@code <kid>.pem} in
 * {@code luckygas.jwt.keys-dir} (in the cloud, a mounted secret). All keys there are published
 * in the JWKS, so two can be live during a rotation; the one named by
 * {@code luckygas.jwt.signing-key-id} (default: the greatest kid) signs new tokens. Where
 * {@code luckygas.jwt.generate-if-missing} is on (local stack, tests) an empty directory gets a
 * fresh key, kept for the next start.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    public record Key(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
    }

    final Path dir;
    final Optional<String> signingKeyId;
    final boolean generateIfMissing;

    private List<Key> keys;
    private Key signing;
    private String jwks;

    SigningKeys(JwtConfig config) {
        this.dir = config.keysDir();
        this.signingKeyId = config.signingKeyId();
        this.generateIfMissing = config.generateIfMissing();
    }

    @PostConstruct
    void load() {
        try {
            List<Key> loaded = readKeys();
            if (loaded.isEmpty() && generateIfMissing) {
                loaded = List.of(generate());
            }
            if (loaded.isEmpty()) {
                throw new IllegalStateException("No signing key (*.pem) in " + dir.toAbsolutePath()
                        + "; set luckygas.jwt.keys-dir (LUCKYGAS_JWT_KEYS_DIR) to the directory holding the keys");
            }
            keys = List.copyOf(loaded);
            signing = signingKeyId
                    .map(kid -> keys.stream().filter(k -> k.kid().equals(kid)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("luckygas.jwt.signing-key-id=" + kid
                                    + " but there is no " + kid + ".pem in " + dir.toAbsolutePath())))
                    .orElse(keys.get(keys.size() - 1));
            jwks = buildJwks(keys);
            LOG.infof("Loaded %d signing key(s) from %s; signing with kid %s", keys.size(), dir, signing.kid());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load signing keys from " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public Key signingKey() {
        return signing;
    }

    public Optional<Key> byId(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /** The public keys as a JWKS document (RFC 7517). */
    public String jwks() {
        return jwks;
    }

    private List<Key> readKeys() throws IOException, GeneralSecurityException {
        List<Key> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            found.add(toKey(name.substring(0, name.length() - 4), readPem(file)));
        }
        return found;
    }

    private Key generate() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String kid = "k" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        Files.createDirectories(dir);
        Path file = dir.resolve(kid + ".pem");
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to tighten
        }
        LOG.infof("Generated a new signing key %s in %s", kid, dir.toAbsolutePath());
        return toKey(kid, pair.getPrivate().getEncoded());
    }

    private static byte[] readPem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException(file + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static Key toKey(String kid, byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        BigInteger modulus = privateKey.getModulus();
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(modulus, privateKey.getPublicExponent()));
        return new Key(kid, privateKey, publicKey);
    }

    private static String buildJwks(List<Key> keys) {
        List<JsonWebKey> jwkList = new ArrayList<>();
        for (Key key : keys) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            jwkList.add(jwk);
        }
        return new JsonWebKeySet(jwkList).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
