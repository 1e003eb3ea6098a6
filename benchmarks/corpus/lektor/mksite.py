import os, random, sys
root, seed = sys.argv[1], int(sys.argv[2])
R = random.Random(seed)
def w(p, s):
    p = os.path.join(root, p); os.makedirs(os.path.dirname(p), exist_ok=True); open(p, "w").write(s)
w("site.lektorproject", "[project]\nname = Site\nurl = http://127.0.0.1:49600/\n")
w("models/page.ini", "[model]\nname = Page\nlabel = {{ this.title }}\n\n[fields.title]\ntype = string\n\n[fields.body]\ntype = markdown\n")
w("models/blog.ini", "[model]\nname = Blog\n\n[children]\nmodel = blog-post\norder_by = -pub_date\n\n[pagination]\nenabled = yes\nper_page = 3\n\n[fields.title]\ntype = string\n")
w("models/blog-post.ini", "[model]\nname = Blog Post\n\n[fields.title]\ntype = string\n\n[fields.pub_date]\ntype = date\n\n[fields.body]\ntype = markdown\n\n[fields.tags]\ntype = strings\n")
w("templates/layout.html", "<!doctype html><title>{% block title %}{% endblock %}</title><body>{% block body %}{% endblock %}</body>\n")
w("templates/page.html", "{% extends \"layout.html\" %}{% block title %}{{ this.title }}{% endblock %}{% block body %}{{ this.body }}{% for c in this.attachments %}<a href=\"{{ c|url }}\">{{ c._id }}</a>{% endfor %}{% endblock %}\n")
w("templates/blog.html", "{% extends \"layout.html\" %}{% block body %}{% for p in this.pagination.items %}<a href=\"{{ p|url }}\">{{ p.title }}</a>{% endfor %}{% endblock %}\n")
w("templates/blog-post.html", "{% extends \"layout.html\" %}{% block body %}<h1>{{ this.title }}</h1>{{ this.pub_date|dateformat }}{{ this.body }}{% endblock %}\n")
w("content/contents.lr", "_model: page\n---\ntitle: Home\n---\nbody: Welcome *home*.\n")
for i in range(R.randint(2, 6)):
    w("content/p%d/contents.lr" % i, "_model: page\n---\ntitle: Page %d\n---\nbody:\n\n# Heading %d\n\nText [link](../p0/).\n" % (i, i))
    if R.random() < 0.5:
        w("content/p%d/file%d.txt" % (i, i), "attachment %d\n" % i)
w("content/blog/contents.lr", "_model: blog\n---\ntitle: Blog\n")
for i in range(R.randint(3, 9)):
    w("content/blog/post%d/contents.lr" % i, "title: Post %d\n---\npub_date: 2026-%02d-%02d\n---\ntags:\n\na\nb\n---\nbody: Post body %d\n" % (i, R.randint(1, 12), R.randint(1, 28), i))
w("assets/static/style.css", "body { color: #333 }\n")
