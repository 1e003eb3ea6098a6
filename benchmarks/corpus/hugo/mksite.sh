#!/bin/bash
# Creates the initial Hugo site in $1
S=$1
rm -rf $S; mkdir -p $S/content/posts $S/layouts/_default $S/layouts/partials $S/layouts/shortcodes $S/static $S/data $S/assets
cat > $S/config.toml <<'C'
baseURL = "http://127.0.0.1:40200/"
title = "r33e site"
languageCode = "en-us"
enableGitInfo = false
[taxonomies]
  tag = "tags"
  category = "categories"
C
cat > $S/layouts/_default/baseof.html <<'C'
<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ partial "nav.html" . }}{{ block "main" . }}{{ end }}</body></html>
C
cat > $S/layouts/_default/single.html <<'C'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<p>{{ .Date.Format "2006-01-02" }}</p>{{ end }}
C
cat > $S/layouts/_default/list.html <<'C'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
C
cat > $S/layouts/index.html <<'C'
{{ define "main" }}<ul>{{ range first 10 .Site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}
C
cat > $S/layouts/partials/nav.html <<'C'
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
C
cat > $S/layouts/shortcodes/note.html <<'C'
<div class="note">{{ .Inner }}</div>
C
echo 'body{color:#333}' > $S/assets/main.css
echo 'User-agent: *' > $S/static/robots.txt
echo 'name = "r33e"' > $S/data/site.toml
for i in 1 2 3 4 5; do
  printf -- '---\ntitle: "Post %s"\ndate: 2024-01-0%sT10:00:00Z\ntags: ["a", "t%s"]\n---\nHello {{< note >}}text %s{{< /note >}}\n' $i $i $i $i > $S/content/posts/p$i.md
done
printf -- '---\ntitle: "About"\n---\nAbout page\n' > $S/content/about.md
