<?php
header('Content-Type: text/plain');
echo 'hello ', htmlspecialchars($_GET['name'] ?? 'world'), "\n";
