import java.io.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class AuditFilter implements Filter {
    private FilterConfig cfg;
    public void init(FilterConfig c) { cfg = c; c.getServletContext().log("audit filter started"); }
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest r = (HttpServletRequest) req;
        if (r.getParameter("block") != null) {
            cfg.getServletContext().log("audit filter blocked " + r.getRequestURI() + " from " + r.getRemoteAddr());
            ((HttpServletResponse) resp).sendError(403, "blocked by audit");
            return;
        }
        chain.doFilter(req, resp);
    }
    public void destroy() { }
}
