import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class ShopServlet extends HttpServlet {
    @Override
    public void init() throws ServletException {
        getServletContext().log("ShopServlet init, catalogue size " + (10 + new Random().nextInt(90)));
    }
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        ServletContext ctx = getServletContext();
        switch (path) {
            case "/fail":
                throw new ServletException("order " + req.getParameter("id") + " could not be processed");
            case "/npe":
                String s = req.getParameter("missing");
                resp.getWriter().println(s.length());
                return;
            case "/state":
                throw new IllegalStateException("inventory locked for item " + req.getParameter("id"));
            case "/slow":
                try { Thread.sleep(Long.parseLong(req.getParameter("ms"))); } catch (InterruptedException e) { }
                resp.getWriter().println("slow done");
                return;
            case "/cart": {
                HttpSession session = req.getSession(true);
                Integer n = (Integer) session.getAttribute("items");
                n = n == null ? 1 : n + 1;
                session.setAttribute("items", n);
                ctx.log("cart of session " + session.getId() + " now has " + n + " items");
                resp.getWriter().println("items=" + n);
                return;
            }
            case "/logout": {
                HttpSession session = req.getSession(false);
                if (session != null) session.invalidate();
                resp.sendRedirect(req.getContextPath() + "/index.html");
                return;
            }
            case "/upload": {
                long total = 0; byte[] buf = new byte[8192]; int r;
                InputStream in = req.getInputStream();
                while ((r = in.read(buf)) > 0) total += r;
                ctx.log("received upload of " + total + " bytes from " + req.getRemoteAddr());
                resp.getWriter().println("got " + total);
                return;
            }
            case "/teapot":
                resp.sendError(418, "no coffee here");
                return;
            case "/gone":
                resp.sendError(HttpServletResponse.SC_GONE);
                return;
            case "/admin/stats":
                ctx.log("admin " + req.getRemoteUser() + " viewed stats");
                resp.getWriter().println("ok");
                return;
            default:
                resp.setContentType("text/plain");
                resp.getWriter().println("shop " + path);
        }
    }
}
