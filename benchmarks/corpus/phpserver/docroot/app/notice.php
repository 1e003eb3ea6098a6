<?php
$items = ['a' => 1];
echo $items['b'] ?? 0;
echo $undefinedVar;
echo $items['missing'];
$x = "12abc" + 1;
echo intdiv(10, (int)($_GET['d'] ?? 2));
