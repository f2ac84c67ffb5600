package io.zakka.wire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.wire.support.Clients;
import io.zakka.wire.support.ZakkaTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.ZooKeeperMain;
import org.apache.zookeeper.cli.CliCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** zkCli.sh's own class, ZooKeeperMain from the zookeeper jar, driving Zakka as an operator would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZkCliTest {

    private ZakkaTarget target;
    private ZooKeeper zk;
    private ZooKeeperMain cli;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeAll
    void start() throws Exception {
        target = new ZakkaTarget();
        zk = Clients.connect(target.connectString());
        cli = new ZooKeeperMain(zk);
        capture();
    }

    @AfterAll
    void stop() throws InterruptedException {
        zk.close();
        target.close();
    }

    /**
     * Runs one command line and returns what it printed. zkCli's commands print to the streams they were built
     * with (ZooKeeperMain's static command table), so they are pointed at a buffer once, in {@link #capture()}.
     */
    private String run(String line) throws Exception {
        captured.reset();
        cli.executeLine(line);
        return captured.toString(StandardCharsets.UTF_8);
    }

    private void capture() throws ReflectiveOperationException {
        Field table = ZooKeeperMain.class.getDeclaredField("commandMapCli");
        table.setAccessible(true);
        PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
        for (Object command : ((Map<?, ?>) table.get(null)).values()) {
            ((CliCommand) command).setOut(stream);
            ((CliCommand) command).setErr(stream);
        }
    }

    @Test
    void createListGetSetAndDeleteWorkFromTheShell() throws Exception {
        assertEquals("Created /cli\n", run("create /cli hello"));
        assertTrue(run("ls /").contains("[cli, zookeeper]"));
        assertEquals("hello\n", run("get /cli"));
        run("set /cli world");
        String withStat = run("get -s /cli");
        assertTrue(withStat.startsWith("world\n"), withStat);
        assertTrue(withStat.contains("dataVersion = 1\n"), withStat);
        assertTrue(run("create -s -e /cli/job- x").startsWith("Created /cli/job-0000000000"));
        assertTrue(run("getEphemerals /cli").contains("/cli/job-0000000000"));
        assertTrue(run("getAllChildrenNumber /cli").contains("1"));
        assertTrue(run("ls -R /cli").contains("/cli/job-0000000000"));
        run("delete /cli/job-0000000000");
        run("delete /cli");
        assertEquals(null, zk.exists("/cli", false));
    }

    @Test
    void quotasAreKeptUnderZookeeperQuota() throws Exception {
        run("create /quoted");
        run("setquota -n 5 /quoted");
        String listed = run("listquota /quoted");
        assertTrue(listed.contains("count=5"), listed);
        run("delquota /quoted");
        run("delete /quoted");
    }

    @Test
    void authAclAndWhoAmIWorkFromTheShell() throws Exception {
        run("addauth digest ops:secret");
        assertTrue(run("whoami").contains("digest: ops\n"));
        run("create /secured data auth:ops:secret:cdrwa");
        assertTrue(run("getAcl /secured").contains("'digest,'ops:"));
        assertTrue(run("config").isBlank());
        run("delete /secured");
    }
}
