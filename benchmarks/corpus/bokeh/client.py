import random, sys
from bokeh.client import pull_session
url = sys.argv[1]
n = int(sys.argv[2])
for i in range(n):
    try:
        with pull_session(url=url) as session:
            doc = session.document
            sl = [m for m in doc.roots if hasattr(m, "value")]
            for _ in range(random.randint(0, 4)):
                if sl:
                    sl[0].value = random.choice([2, 3, 5, 9, 7])
                    session.push()
                    session.force_roundtrip()
    except Exception as e:
        print("client error", type(e).__name__, file=sys.stderr)
