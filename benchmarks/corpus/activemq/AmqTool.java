// OpenWire (JMS) and JMX client actions for the ActiveMQ log workload.
// Usage: java -cp <activemq jars>:. AmqTool <mode> args...
import java.util.*;
import javax.jms.*;
import javax.management.*;
import javax.management.remote.*;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;

public class AmqTool {
    static String url = System.getProperty("url", "tcp://127.0.0.1:21201");
    static String jmxUrl = System.getProperty("jmx", "service:jmx:rmi:///jndi/rmi://127.0.0.1:21203/jmxrmi");
    static String broker = System.getProperty("broker", "amqlog");
    static Random rnd = new Random();

    static Connection conn(String user, String pw, String clientId) throws Exception {
        ActiveMQConnectionFactory f = new ActiveMQConnectionFactory(user, pw, url);
        RedeliveryPolicy rp = new RedeliveryPolicy();
        rp.setMaximumRedeliveries(1 + rnd.nextInt(2));
        rp.setInitialRedeliveryDelay(100);
        f.setRedeliveryPolicy(rp);
        Connection c = f.createConnection();
        if (clientId != null) c.setClientID(clientId);
        c.start();
        return c;
    }

    static Destination dest(Session s, String d) throws Exception {
        if (d.startsWith("topic://")) return s.createTopic(d.substring(8));
        return s.createQueue(d.replace("queue://", ""));
    }

    public static void main(String[] a) throws Exception {
        String mode = a[0];
        try {
            run(mode, a);
        } catch (Exception e) {
            System.out.println(mode + " failed: " + e);
        }
        System.exit(0);
    }

    static void run(String mode, String[] a) throws Exception {
        switch (mode) {
        case "send": { // send user pw dest n ttlMs persistent
            Connection c = conn(a[1], a[2], null);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(dest(s, a[3]));
            p.setDeliveryMode(a.length > 6 && a[6].equals("1") ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            long ttl = Long.parseLong(a[5]);
            if (ttl > 0) p.setTimeToLive(ttl);
            int n = Integer.parseInt(a[4]);
            for (int i = 0; i < n; i++) {
                TextMessage m = s.createTextMessage("msg " + i + " " + rnd.nextInt(100000));
                if (rnd.nextInt(4) == 0) m.setStringProperty("JMSXGroupID", "grp" + rnd.nextInt(3));
                p.send(m);
            }
            c.close();
            break;
        }
        case "consume": { // consume user pw dest n timeoutMs
            Connection c = conn(a[1], a[2], null);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer mc = s.createConsumer(dest(s, a[3]));
            int n = Integer.parseInt(a[4]);
            for (int i = 0; i < n; i++) if (mc.receive(Long.parseLong(a[5])) == null) break;
            c.close();
            break;
        }
        case "rollback": { // rollback user pw queue n : transacted consumer that always rolls back
            Connection c = conn(a[1], a[2], null);
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer mc = s.createConsumer(dest(s, a[3]));
            int n = Integer.parseInt(a[4]);
            for (int i = 0; i < n; i++) {
                Message m = mc.receive(1500);
                if (m == null) break;
                s.rollback();
            }
            c.close();
            break;
        }
        case "txsend": { // txsend user pw dest n commit(1/0)
            Connection c = conn(a[1], a[2], null);
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(dest(s, a[3]));
            for (int i = 0; i < Integer.parseInt(a[4]); i++) p.send(s.createTextMessage("tx " + i));
            if (a[5].equals("1")) s.commit(); else s.rollback();
            c.close();
            break;
        }
        case "durable": { // durable user pw clientId topic name secs unsubscribe
            Connection c = conn(a[1], a[2], a[3]);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(a[4]);
            TopicSubscriber ts = s.createDurableSubscriber(t, a[5]);
            long end = System.currentTimeMillis() + Long.parseLong(a[6]) * 1000;
            while (System.currentTimeMillis() < end) ts.receive(500);
            ts.close();
            if (a[7].equals("1")) s.unsubscribe(a[5]);
            c.close();
            break;
        }
        case "slow": { // slow user pw dest prefetch secs : client-ack consumer that never acks
            url = url + "?jms.prefetchPolicy.all=" + a[4];
            Connection c = conn(a[1], a[2], null);
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer mc = s.createConsumer(dest(s, a[3]));
            long end = System.currentTimeMillis() + Long.parseLong(a[5]) * 1000;
            while (System.currentTimeMillis() < end) Thread.sleep(200);
            c.close();
            break;
        }
        case "dupclient": { // dupclient user pw clientId
            Connection c1 = conn(a[1], a[2], a[3]);
            try { Connection c2 = conn(a[1], a[2], a[3]); c2.close(); }
            catch (Exception e) { System.out.println("second: " + e); }
            Thread.sleep(300);
            c1.close();
            break;
        }
        case "reqreply": { // reqreply user pw queue : temp-queue reply to ourselves
            Connection c = conn(a[1], a[2], null);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue tq = s.createTemporaryQueue();
            MessageProducer p = s.createProducer(dest(s, a[3]));
            MessageConsumer svc = s.createConsumer(dest(s, a[3]));
            MessageConsumer rc = s.createConsumer(tq);
            TextMessage m = s.createTextMessage("req");
            m.setJMSReplyTo(tq);
            p.send(m);
            Message req = svc.receive(2000);
            if (req != null) s.createProducer(req.getJMSReplyTo()).send(s.createTextMessage("reply"));
            rc.receive(2000);
            rc.close();
            tq.delete();
            c.close();
            break;
        }
        case "jmx": { // jmx op name...
            JMXConnector jc = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl));
            MBeanServerConnection m = jc.getMBeanServerConnection();
            ObjectName b = new ObjectName("org.apache.activemq:type=Broker,brokerName=" + broker);
            String op = a[1];
            switch (op) {
            case "addQueue": case "removeQueue": case "addTopic": case "removeTopic":
                m.invoke(b, op, new Object[]{a[2]}, new String[]{"java.lang.String"}); break;
            case "resetStatistics": case "gc":
                m.invoke(b, op, null, null); break;
            case "purge": case "pause": case "resume": case "retryMessages": {
                ObjectName q = new ObjectName("org.apache.activemq:type=Broker,brokerName=" + broker + ",destinationType=Queue,destinationName=" + a[2]);
                System.out.println(m.invoke(q, op, null, null)); break;
            }
            case "moveAll": {
                ObjectName q = new ObjectName("org.apache.activemq:type=Broker,brokerName=" + broker + ",destinationType=Queue,destinationName=" + a[2]);
                System.out.println(m.invoke(q, "moveMatchingMessagesTo", new Object[]{"", a[3]}, new String[]{"java.lang.String", "java.lang.String"})); break;
            }
            case "copyAll": {
                ObjectName q = new ObjectName("org.apache.activemq:type=Broker,brokerName=" + broker + ",destinationType=Queue,destinationName=" + a[2]);
                System.out.println(m.invoke(q, "copyMatchingMessagesTo", new Object[]{"", a[3]}, new String[]{"java.lang.String", "java.lang.String"})); break;
            }
            case "removeDurable": {
                m.invoke(b, "destroyDurableSubscriber", new Object[]{a[2], a[3]}, new String[]{"java.lang.String", "java.lang.String"}); break;
            }
            case "list": {
                for (ObjectName n : m.queryNames(new ObjectName("org.apache.activemq:type=Broker,brokerName=" + broker + ",destinationType=*,destinationName=*"), null))
                    System.out.println(n.getKeyProperty("destinationType") + " " + n.getKeyProperty("destinationName"));
                break;
            }
            default: System.out.println("unknown jmx op " + op);
            }
            jc.close();
            break;
        }
        default:
            System.out.println("unknown mode " + mode);
        }
    }
}
