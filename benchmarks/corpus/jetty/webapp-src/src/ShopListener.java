import javax.servlet.*;
import javax.servlet.http.*;

public class ShopListener implements ServletContextListener, HttpSessionListener {
    private ServletContext ctx;
    public void contextInitialized(ServletContextEvent e) {
        ctx = e.getServletContext();
        ctx.log("context " + ctx.getContextPath() + " initialized by listener");
    }
    public void contextDestroyed(ServletContextEvent e) {
        e.getServletContext().log("context " + e.getServletContext().getContextPath() + " destroyed by listener");
    }
    public void sessionCreated(HttpSessionEvent e) {
        if (ctx != null) ctx.log("session created " + e.getSession().getId());
    }
    public void sessionDestroyed(HttpSessionEvent e) {
        if (ctx != null) ctx.log("session destroyed " + e.getSession().getId());
    }
}
