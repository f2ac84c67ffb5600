package io.zakka.storage.acl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ACL schemes, checks, fixup and validation (ZooKeeperServer.checkACL, PrepRequestProcessor.fixupACL). */
class AclTest {
    /** base64(sha1("alice:secret")) and base64(sha1("super:test")), computed independently. */
    private static final Id ALICE = new Id("digest", "alice:aYXlLOpEooaV1cRAvUL1fp9Qt7E=");
    private static final String SUPER_DIGEST = "super:D/InIHSb7yEEbrWz8b9l71RjZJU=";

    private final AclChecker checker = new AclChecker(Optional.empty());

    private static Caller caller(Id... ids) {
        return new Caller(7L, List.of(ids));
    }

    private static Caller fromIp(String address) {
        return caller(new Id("ip", address));
    }

    private static List<Acl> only(int perms, Id id) {
        return List.of(new Acl(perms, id));
    }

    @Test
    void digestIdIsUserColonBase64OfSha1OfUserColonPassword() {
        assertEquals(ALICE, AclChecker.digestId("alice:secret"));
        assertEquals(new Id("digest", SUPER_DIGEST), AclChecker.digestId("super:test"));
    }

    @Test
    void worldAnyoneMatchesEveryCallerEvenWithoutIds() {
        assertTrue(checker.allowed(Acl.OPEN_ACL_UNSAFE, caller(), Perms.WRITE));
        assertFalse(checker.allowed(Acl.READ_ACL_UNSAFE, caller(), Perms.WRITE));
    }

    @Test
    void digestMatchesTheSameIdOnly() {
        List<Acl> acl = only(Perms.ALL, ALICE);
        assertTrue(checker.allowed(acl, caller(AclChecker.digestId("alice:secret")), Perms.READ));
        assertFalse(checker.allowed(acl, caller(AclChecker.digestId("alice:wrong")), Perms.READ));
        assertFalse(checker.allowed(acl, caller(new Id("ip", "alice:aYXlLOpEooaV1cRAvUL1fp9Qt7E=")), Perms.READ));
    }

    @Test
    void anEntryGrantsWhenItHoldsAnyOfTheAskedBits() {
        List<Acl> acl = only(Perms.ADMIN, ALICE);
        assertTrue(checker.allowed(acl, caller(ALICE), Perms.READ | Perms.ADMIN));
        assertFalse(checker.allowed(acl, caller(ALICE), Perms.READ));
    }

    @Test
    void anEmptyAclGrantsEverything() {
        assertTrue(checker.allowed(List.of(), caller(), Perms.ALL));
    }

    @Test
    void ipMatchesExactIpv4AndCidr() {
        assertTrue(checker.allowed(only(Perms.READ, new Id("ip", "10.1.2.3")), fromIp("10.1.2.3"), Perms.READ));
        assertFalse(checker.allowed(only(Perms.READ, new Id("ip", "10.1.2.3")), fromIp("10.1.2.4"), Perms.READ));
        List<Acl> net = only(Perms.READ, new Id("ip", "10.1.0.0/16"));
        assertTrue(checker.allowed(net, fromIp("10.1.200.7"), Perms.READ));
        assertFalse(checker.allowed(net, fromIp("10.2.0.1"), Perms.READ));
        List<Acl> oddPrefix = only(Perms.READ, new Id("ip", "192.168.1.128/25"));
        assertTrue(checker.allowed(oddPrefix, fromIp("192.168.1.200"), Perms.READ));
        assertFalse(checker.allowed(oddPrefix, fromIp("192.168.1.127"), Perms.READ));
        assertTrue(checker.allowed(only(Perms.READ, new Id("ip", "0.0.0.0/0")), fromIp("8.8.8.8"), Perms.READ));
    }

    @Test
    void ipMatchesExactIpv6AndPrefixesWithCompressedForms() {
        List<Acl> loopback = only(Perms.READ, new Id("ip", "::1"));
        assertTrue(checker.allowed(loopback, fromIp("0:0:0:0:0:0:0:1"), Perms.READ));
        assertFalse(checker.allowed(loopback, fromIp("0:0:0:0:0:0:0:2"), Perms.READ));
        List<Acl> net = only(Perms.READ, new Id("ip", "2001:db8::/32"));
        assertTrue(checker.allowed(net, fromIp("2001:db8:0:0:0:0:0:99"), Perms.READ));
        assertTrue(checker.allowed(net, fromIp("2001:DB8:ffff::1"), Perms.READ));
        assertFalse(checker.allowed(net, fromIp("2001:db9::1"), Perms.READ));
    }

    @Test
    void ipv4AclNeverMatchesAnIpv6CallerAndTheOtherWayRound() {
        assertFalse(checker.allowed(only(Perms.READ, new Id("ip", "0.0.0.0/0")), fromIp("::1"), Perms.READ));
        assertFalse(checker.allowed(only(Perms.READ, new Id("ip", "::/0")), fromIp("1.2.3.4"), Perms.READ));
    }

    @Test
    void ipIdsAreValidatedLikeZooKeeper() {
        for (String valid : List.of("1.2.3.4", "1.2.3.4/0", "1.2.3.4/32", "::1", "::", "1::", "fe80::1/64",
                "1:2:3:4:5:6:7:8", "::/128")) {
            assertTrue(AclChecker.isValidId(new Id("ip", valid)), valid);
        }
        for (String invalid : List.of("1.2.3", "1.2.3.256", "1.2.3.4/33", "1.2.3.4/x", "host", "1:2:3:4:5:6:7",
                "1::2::3", "12345::1", "::1/129", "1:2:3:4:5:6:7::8", "g::1", "")) {
            assertFalse(AclChecker.isValidId(new Id("ip", invalid)), invalid);
        }
    }

    @Test
    void digestIdsNeedExactlyOneColonWithTextAfterIt() {
        assertTrue(AclChecker.isValidId(new Id("digest", "user:hash")));
        assertFalse(AclChecker.isValidId(new Id("digest", "user")));
        assertFalse(AclChecker.isValidId(new Id("digest", "user:")));
        assertFalse(AclChecker.isValidId(new Id("digest", "a:b:c")));
    }

    @Test
    void superIdPassesEveryCheck() {
        List<Acl> nobody = only(Perms.READ, ALICE);
        assertTrue(checker.allowed(nobody, caller(new Id("super", "")), Perms.ADMIN));
        assertTrue(checker.allowed(nobody, Caller.SERVER, Perms.DELETE));
    }

    @Test
    void configuredSuperDigestPassesEveryCheck() {
        AclChecker withSuper = new AclChecker(Optional.of(SUPER_DIGEST));
        Caller superUser = caller(AclChecker.digestId("super:test"));
        assertTrue(withSuper.allowed(only(Perms.READ, ALICE), superUser, Perms.ALL));
        assertFalse(checker.allowed(only(Perms.READ, ALICE), superUser, Perms.ALL));
        assertFalse(withSuper.allowed(only(Perms.READ, ALICE), caller(AclChecker.digestId("super:x")), Perms.READ));
    }

    @Test
    void authenticateDigestGivesTheDigestIdAndOtherSchemesFail() {
        assertEquals(Optional.of(ALICE), checker.authenticate("digest", "alice:secret".getBytes(UTF_8)));
        assertEquals(Optional.empty(), checker.authenticate("ip", "1.2.3.4".getBytes(UTF_8)));
        assertEquals(Optional.empty(), checker.authenticate("kerberos", new byte[1]));
        assertEquals(List.of(ALICE), checker.authenticationIds("digest", "alice:secret".getBytes(UTF_8)));
        assertEquals(List.of(), checker.authenticationIds("nope", new byte[0]));
    }

    @Test
    void authenticatingAsTheSuperDigestAddsASuperId() {
        AclChecker withSuper = new AclChecker(Optional.of(SUPER_DIGEST));
        assertEquals(List.of(new Id("super", ""), new Id("digest", SUPER_DIGEST)),
                withSuper.authenticationIds("digest", "super:test".getBytes(UTF_8)));
    }

    @Test
    void fixupRejectsNullOrEmptyAcl() {
        assertEquals(Optional.empty(), checker.fixup(null, caller()));
        assertEquals(Optional.empty(), checker.fixup(List.of(), caller()));
        assertEquals(Optional.empty(), checker.fixup(new ArrayList<>(Arrays.asList((Acl) null)), caller()));
    }

    @Test
    void fixupRejectsUnknownSchemesAndMalformedIds() {
        for (Id bad : List.of(new Id("world", "someone"), new Id("super", ""), new Id("x509", "CN=a"),
                new Id("digest", "nohash"), new Id("ip", "999.1.1.1"))) {
            assertEquals(Optional.empty(), checker.fixup(only(Perms.ALL, bad), caller(ALICE)), bad.toString());
        }
    }

    @Test
    void authSchemeBecomesTheCallersAuthenticatedIds() {
        Id bob = AclChecker.digestId("bob:pw");
        Caller both = caller(new Id("ip", "1.2.3.4"), ALICE, bob, ALICE);
        assertEquals(Optional.of(List.of(new Acl(Perms.READ, ALICE), new Acl(Perms.READ, bob))),
                checker.fixup(Acl.READ_ACL_UNSAFE.stream().map(a -> new Acl(a.perms(), Id.AUTH_IDS)).toList(), both));
    }

    @Test
    void authSchemeWithoutAuthenticatedIdsIsInvalidIpAndSuperDoNotCount() {
        assertEquals(Optional.empty(), checker.fixup(Acl.CREATOR_ALL_ACL, caller()));
        assertEquals(Optional.empty(), checker.fixup(Acl.CREATOR_ALL_ACL, fromIp("1.2.3.4")));
        assertEquals(Optional.empty(), checker.fixup(Acl.CREATOR_ALL_ACL, Caller.SERVER));
    }

    @Test
    void fixupDropsDuplicatesBeforeExpandingAuth() {
        List<Acl> requested = List.of(new Acl(Perms.ALL, Id.ANYONE), new Acl(Perms.ALL, Id.ANYONE),
                new Acl(Perms.ALL, Id.AUTH_IDS), new Acl(Perms.ALL, ALICE));
        // As in ZooKeeper, the expansion of auth is not deduplicated against explicit entries.
        assertEquals(Optional.of(List.of(new Acl(Perms.ALL, Id.ANYONE), new Acl(Perms.ALL, ALICE),
                new Acl(Perms.ALL, ALICE))), checker.fixup(requested, caller(ALICE)));
    }

    @Test
    void maskDigestsReplacesTheHashWithX() {
        assertEquals(List.of(new Acl(Perms.ALL, new Id("digest", "alice:x")), new Acl(Perms.READ, Id.ANYONE)),
                AclChecker.maskDigests(List.of(new Acl(Perms.ALL, ALICE), new Acl(Perms.READ, Id.ANYONE))));
    }
}
