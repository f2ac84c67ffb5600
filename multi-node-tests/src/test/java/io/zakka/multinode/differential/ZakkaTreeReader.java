package io.zakka.multinode.differential;

import akka.actor.typed.ActorSystem;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.op.OpResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a Zakka server's whole tree as the super user (every read allowed, digests unmasked), through a
 * ZakkaClient session of its own. Its session's txns commit zxids that no step owns; they show in no Stat.
 */
final class ZakkaTreeReader {

    private ZakkaTreeReader() {
    }

    static SortedMap<String, Target.NodeDump> read(ActorSystem<?> system) throws Exception {
        ZakkaClient auditor = Await.result(ZakkaClient.connect(system, ServerTarget.WAIT,
                ZakkaClient.Settings.defaults().withClientAddress("127.0.0.1")));
        try {
            Await.result(auditor.addAuth("digest", GenValues.SUPER_USER.getBytes(StandardCharsets.UTF_8)));
            SortedMap<String, Target.NodeDump> nodes = new TreeMap<>();
            List<String> pending = new ArrayList<>(List.of("/"));
            while (!pending.isEmpty()) {
                String path = pending.remove(pending.size() - 1);
                OpResult.DataResult data = Await.result(auditor.getData(path, false));
                OpResult.AclResult acl = Await.result(auditor.getACL(path));
                nodes.put(path, new Target.NodeDump(data.data(), acl.acl(), data.stat()));
                for (String child : Await.result(auditor.getChildren(path, false))) {
                    pending.add(path.equals("/") ? "/" + child : path + "/" + child);
                }
            }
            return nodes;
        } finally {
            Await.result(auditor.close());
        }
    }
}
