package io.zakka.storage.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AclCacheTest {

    private final AclCache cache = new AclCache();

    @Test
    void equalAclsShareOneImmutableList() {
        List<Acl> first = cache.acquire(new ArrayList<>(Acl.OPEN_ACL_UNSAFE));
        List<Acl> second = cache.acquire(List.of(new Acl(Perms.ALL, Id.ANYONE)));
        assertSame(first, second);
        assertEquals(1, cache.size());
        assertThrows(UnsupportedOperationException.class, () -> first.add(new Acl(Perms.READ, Id.ANYONE)));
    }

    @Test
    void aListIsForgottenWithItsLastHolder() {
        List<Acl> acl = List.of(new Acl(Perms.READ, new Id("digest", "u:h")));
        cache.acquire(acl);
        cache.acquire(acl);
        cache.release(acl);
        assertEquals(1, cache.size());
        cache.release(acl);
        assertEquals(0, cache.size());
    }

    @Test
    void anEqualCopyAndTheSharedListCountForTheSameEntry() {
        List<Acl> shared = cache.acquire(List.of(new Acl(Perms.READ, new Id("digest", "u:h"))));
        List<Acl> copy = new ArrayList<>(shared);
        assertSame(shared, cache.acquire(copy));
        assertSame(shared, cache.acquire(shared));
        cache.release(copy);
        cache.release(shared);
        assertEquals(1, cache.size());
        cache.release(new ArrayList<>(shared));
        assertEquals(0, cache.size());
        assertThrows(IllegalStateException.class, () -> cache.release(shared));
    }

    @Test
    void releasingMoreOftenThanAcquiredIsABug() {
        assertThrows(IllegalStateException.class, () -> cache.release(Acl.READ_ACL_UNSAFE));
    }
}
