from salmon.routing import route, stateless
from salmon.server import SMTPError


@route("(address)-(action)@(host)", address=".+", action="reject|fail")
@stateless
def START(message, address=None, action=None, host=None):
    if action == "reject":
        raise SMTPError(550)
    raise RuntimeError("cannot handle %s" % address)
