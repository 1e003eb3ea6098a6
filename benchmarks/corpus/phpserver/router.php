<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (preg_match('#^/api/(\w+)$#', $path, $m)) {
    $file = __DIR__ . '/docroot/app/' . $m[1] . '.php';
    if (is_file($file)) { require $file; return true; }
    http_response_code(404);
    echo "no such endpoint\n";
    return true;
}
if ($path === '/redirect') { header('Location: /index.html', true, 302); return true; }
return false;
