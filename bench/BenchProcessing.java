import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The processing rows: customers' messages posted as signed webhooks and recorded, with the
 * bot off and with the department menu answering, and optionally an earlier build running
 * alongside (no bot), each round timed from the first post.
 */
final class BenchProcessing {
    static final int ROUNDS = System.getenv("BENCH_ROUNDS") == null ? 3
        : Integer.parseInt(System.getenv("BENCH_ROUNDS"));
    static final String SENT = "SELECT COUNT(*) FROM wa_outbox WHERE state = 'SENT'";

    private BenchProcessing() {
    }

    static void measure(List<String[]> rows, Bench.App app, Bench.App before, String beforeName,
                        String secret, int n, int customers) throws Exception {
        // A first pass in each mode, as long as a round, lets the JIT compile both paths before
        // anything is timed; then the modes (and the build before the bot, running alongside)
        // take turns, so that drift on a noisy machine falls on all of them alike.
        if (before != null) {
            Bench.use(before);
            ingestAndProcess(n, customers, secret, "warmoff", 60000000, false);
            Bench.use(app);
        }
        botMode(false);
        ingestAndProcess(n, customers, secret, "warmoff", 60000000, true);
        botMode(true);
        ingestAndProcess(n, customers, secret, "warmon", 50000000, true);
        double handshake = Bench.run(8, n, i -> Bench.get("/webhooks/whatsapp?hub.mode=subscribe"
            + "&hub.verify_token=bench&hub.challenge=" + i));
        double[] botOff = new double[5];
        double[] botOn = new double[5];
        double[] noBot = new double[5];
        for (int round = 0; round < ROUNDS; round++) {
            if (before != null) {
                Bench.use(before);
                add(noBot, ingestAndProcess(n, customers, secret, "off" + round + "x",
                    80000000 + round * 1000000, false));
                Bench.use(app);
            }
            botMode(false);
            add(botOff, ingestAndProcess(n, customers, secret, "off" + round + "x",
                80000000 + round * 1000000, true));
            botMode(true);
            add(botOn, ingestAndProcess(n, customers, secret, "on" + round + "x",
                70000000 + round * 1000000, true));
        }
        long limit = Bench.count("SELECT MAX(mps) FROM wa_numbers");
        rows.add(new String[] {"webhook ingest (signed POST, stored)", Bench.rate(botOff[0]),
            "handshake GET, no DB: " + Bench.rate(handshake), Bench.ratio(botOff[0], handshake)});
        rows.add(new String[] {"inbox processing, bot off (messages recorded)", Bench.rate(botOff[1]),
            "ingest: " + Bench.rate(botOff[0]), Bench.ratio(botOff[1], botOff[0])});
        rows.add(new String[] {"inbox processing, bot on (department menu)", Bench.rate(botOn[1]),
            "bot off: " + Bench.rate(botOff[1]), Bench.ratio(botOn[1], botOff[1])});
        if (before != null) {
            rows.add(new String[] {"inbox processing, bot on, vs. before the bot", Bench.rate(botOn[1]),
                "build " + beforeName + ", no bot: " + Bench.rate(noBot[1]), Bench.ratio(botOn[1], noBot[1])});
        }
        rows.add(new String[] {"bot on: every turn taken (replies queued)", Bench.rate(botOn[2]),
            "bot off: " + Bench.rate(botOff[1]), Bench.ratio(botOn[2], botOff[1])});
        rows.add(new String[] {"bot on: its replies sent (number's limit)", Bench.rate(botOn[3]),
            "limit: " + Bench.rate(limit), Bench.ratio(botOn[3], limit)});
        if (!Double.isNaN(botOff[4])) {
            String noBotCpu = before != null && !Double.isNaN(noBot[4])
                ? "build " + beforeName + ", no bot: " + cpu(noBot[4]) : "-";
            rows.add(new String[] {"CPU per message, bot off (app + DB)", cpu(botOff[4]),
                noBotCpu, noBotCpu.equals("-") ? "-" : Bench.ratio(botOff[4], noBot[4])});
            rows.add(new String[] {"CPU per message, bot on (app + DB)", cpu(botOn[4]),
                "bot off: " + cpu(botOff[4]), Bench.ratio(botOn[4], botOff[4])});
            if (!noBotCpu.equals("-")) {
                rows.add(new String[] {"CPU per message, bot on, vs. before the bot",
                    cpu(botOn[4]), noBotCpu, Bench.ratio(botOn[4], noBot[4])});
            }
        }
    }

    /** Milliseconds of CPU per customer's message. */
    static String cpu(double milliseconds) {
        return String.format("%.2f ms", milliseconds);
    }

    static void botMode(boolean on) throws Exception {
        Bench.execute(on ? "UPDATE bot_flows SET active_flag = 1 WHERE flow_key = 'department_menu'"
            : "UPDATE bot_flows SET active_flag = NULL");
    }

    /** Adds one round's rates into the running means of {@code ROUNDS} rounds. */
    static void add(double[] means, double[] round) {
        for (int i = 0; i < means.length; i++) {
            means[i] += round[i] / ROUNDS;
        }
    }

    /**
     * Posts {@code n} signed webhooks from new customers numbered from {@code firstCustomer}:
     * the ingest rate, the rate until every message is recorded, the rate until the bot (when
     * on) has taken every turn it owes (its replies queued), all timed from the first post;
     * the rate its replies left the outbox at, which the number's limit caps; and the CPU time
     * per message the app and the database spent on the round, replies and their statuses
     * included (NaN when run.sh named no processes).
     */
    static double[] ingestAndProcess(int n, int customers, String secret, String tag,
                                     int firstCustomer, boolean hasBot) throws Exception {
        boolean phases = System.getenv("BENCH_JFR") != null
            || System.getenv("BENCH_PHASES") != null;
        if (phases) {
            System.err.println("round " + tag + " starts " + Instant.now());
        }
        long sentBefore = Bench.count(SENT);
        String app = hasBot ? "app" : "before";
        double cpu0 = BenchCpu.seconds(app) + BenchCpu.seconds("db");
        long t0 = System.nanoTime();
        double ingest = Bench.run(8, n, i -> Bench.post("/webhooks/whatsapp",
            webhook(i, customers, tag, firstCustomer), secret));
        Bench.waitFor("SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND wa_message_id "
            + "LIKE 'wamid.bench" + tag + "%'", n);
        double recorded = n / Bench.seconds(t0);
        if (!hasBot) {
            Bench.waitFor("SELECT COUNT(*) FROM webhook_inbox WHERE state = 'PENDING'", 0);
            return new double[] {ingest, recorded, recorded, 0, cpuPerMessage(app, cpu0, n)};
        }
        Bench.waitFor("SELECT COUNT(*) FROM conversations c JOIN messages m ON m.id = (SELECT "
            + "MAX(x.id) FROM messages x WHERE x.conversation_id = c.id AND x.direction = "
            + "'inbound') LEFT JOIN bot_sessions s ON s.conversation_id = c.id WHERE c.owner = "
            + "'BOT' AND (s.last_message_id IS NULL OR s.last_message_id < m.id)", 0);
        double turns = n / Bench.seconds(t0);
        Bench.waitFor("SELECT COUNT(*) FROM wa_outbox WHERE state = 'PENDING'", 0);
        double sent = (Bench.count(SENT) - sentBefore) / Bench.seconds(t0);
        if (phases) {
            System.err.println("round " + tag + " ends " + Instant.now());
        }
        Bench.waitFor("SELECT COUNT(*) FROM webhook_inbox WHERE state = 'PENDING'", 0);
        return new double[] {ingest, recorded, turns, sent, cpuPerMessage(app, cpu0, n)};
    }

    private static double cpuPerMessage(String app, double before, int n) {
        return (BenchCpu.seconds(app) + BenchCpu.seconds("db") - before) * 1000 / n;
    }

    static byte[] webhook(int i, int customers, String tag, int firstCustomer) {
        String from = "55119" + (firstCustomer + i % customers);
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"100000000000001\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
            + "\"display_phone_number\":\"15550100001\",\"phone_number_id\":\"" + Bench.PHONE + "\"},"
            + "\"contacts\":[{\"profile\":{\"name\":\"Cliente " + i % customers + "\"},"
            + "\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":"
            + "\"wamid.bench" + tag + i + "\",\"timestamp\":\""
            + System.currentTimeMillis() / 1000
            + "\",\"type\":\"text\",\"text\":{\"body\":\"Mensagem " + i + "\"}}]},"
            + "\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }

}
