#!/bin/bash
# Randomised ESLint --debug workload; stderr of every run is appended to the raw log,
# then one contiguous stretch is kept as eslint.log.
cd /work/round44/eslint || exit 1
D=/work/round44/eslint
W=/tmp/round44-r44d/eslint-work
ESL=/tmp/round44-r44d/eslint-pfx/node_modules/eslint/bin/eslint.js
RAW=/tmp/round44-r44d/eslint-raw.log
RANDOM=${SEED:-4417}
rm -rf "$W"; mkdir -p "$W"; : > "$RAW"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# local plugin package
mkdir -p "$W/plugins/eslint-plugin-local"
cat > "$W/plugins/eslint-plugin-local/package.json" <<'J'
{"name":"eslint-plugin-local","version":"1.0.0","main":"index.js"}
J
cat > "$W/plugins/eslint-plugin-local/index.js" <<'J'
module.exports = { meta: { name: "eslint-plugin-local", version: "1.0.0" }, rules: {
  "no-foo": { meta: { type: "problem", fixable: "code", schema: [] }, create(ctx) { return {
    Identifier(n) { if (n.name === "foo") ctx.report({ node: n, message: "no foo", fix: f => f.replaceText(n, "bar") }); } }; } },
  "crash": { meta: { type: "problem", schema: [] }, create(ctx) { return { Program() { throw new Error("rule crashed on purpose"); } }; } }
} };
J

snippets=(
'var a = 1\nlet b = 2;\n'
'function f(x) { return x + 1 }\nf(2)\n'
'const foo = 3;\nconsole.log(foo);\n'
'function (\n'
'let x = ;\n'
'/* eslint-disable */\nvar unused = 1\n'
'// eslint-disable-next-line no-unused-vars\nvar y = 2;\n'
'const s = "a" + "b"\nif (s == "ab") { debugger }\n'
'import x from "./x.js";\nexport default x;\n'
'class A { constructor() { this.foo = 1 } }\nnew A();\n'
'/* eslint no-undef: "error" */\nzzz();\n'
'const obj = { a: 1, a: 2 };\nobj;\n'
)
configs=(
'module.exports = [{ files: ["**/*.js"], rules: { "no-unused-vars": "error", semi: "error", eqeqeq: "warn" } }];'
'module.exports = [{ ignores: ["build/**"] }, { rules: { "no-debugger": "error", "prefer-const": "warn", semi: ["error","always"] } }];'
'const local = require("eslint-plugin-local");\nmodule.exports = [{ plugins: { local }, rules: { "local/no-foo": "error", "no-dupe-keys": "error" } }];'
'const local = require("eslint-plugin-local");\nmodule.exports = [{ plugins: { local }, rules: { "local/crash": "error" } }];'
'module.exports = [{ languageOptions: { sourceType: "module", ecmaVersion: 2022 }, rules: { "no-undef": "error", quotes: ["warn","single"] } }];'
'module.exports = [{ rules: { semi: "bogus" } }];'
'module.exports = [{ rules: { "no-such-rule": "error" } }];'
'module.exports = [{ files: ["**/*.js"], rules: { "no-unused-vars": "error" } ,'
'module.exports = [{ plugins: { x: require("eslint-plugin-missing") } }];'
'export default [{ rules: { "no-var": "error", curly: "error" } }];'
'module.exports = [];'
'module.exports = [{ linterOptions: { reportUnusedDisableDirectives: "error" }, rules: { "no-unused-vars": "warn" } }];'
)
mkproj() { # $1 dir
  local p=$1 n i c
  rm -rf "$p"; mkdir -p "$p/src/lib" "$p/build" "$p/node_modules"
  ln -s "$W/plugins/eslint-plugin-local" "$p/node_modules/eslint-plugin-local"
  echo '{"name":"proj","version":"1.0.0"}' > "$p/package.json"
  n=$((RANDOM % 3 + 1))
  for ((i=0;i<n;i++)); do printf "$(pick "${snippets[@]}")" > "$p/src/f$i.js"; done
  (( RANDOM % 2 )) && printf "$(pick "${snippets[@]}")" > "$p/src/lib/g.js"
  (( RANDOM % 3 == 0 )) && printf 'var built = 1\n' > "$p/build/out.js"
  c=$(pick "${configs[@]}")
  if [[ $c == export* ]]; then printf "$c\n" > "$p/eslint.config.mjs"; else printf "$c\n" > "$p/eslint.config.js"; fi
}

run() { # runs eslint in the project with given args, in private namespaces
  ( cd "$P" && "$D/nsrun.sh" /usr/bin/node "$ESL" --debug "$@" >/dev/null 2>>"$RAW" </dev/null )
}

for round in $(seq 1 60); do
  P=$W/p$((RANDOM % 5)); [[ -d $P && $((RANDOM % 3)) -ne 0 ]] || mkproj "$P"
  case $((RANDOM % 16)) in
    0|1|2) run src ;;
    3) run --fix src ;;
    4) run --fix-dry-run --fix-type layout,problem src ;;
    5|6) run --cache --cache-location "$P/.eslintcache" src; (( RANDOM % 2 )) && touch "$P/src/f0.js"; run --cache --cache-strategy content --cache-location "$P/.eslintcache" src ;;
    7) run --ignore-pattern 'src/lib/**' src build ;;
    8) run nothere/ ;;
    9) run --no-config-lookup --rule 'semi: error' src ;;
    10) run --print-config src/f0.js ;;
    11) echo 'var q = 1' | ( cd "$P" && "$D/nsrun.sh" /usr/bin/node "$ESL" --debug --stdin --stdin-filename src/stdin.js >/dev/null 2>>"$RAW" ) ;;
    12) run --flag v10_config_lookup_from_file src ;;
    13) run --concurrency 2 src build ;;
    14) run -c /tmp/round44-r44d/eslint-work/none.config.js src ;;
    15) run --flag no_such_flag src ;;
  esac
done
sed -n '1,2500p' "$RAW" > "$D/eslint.log"
