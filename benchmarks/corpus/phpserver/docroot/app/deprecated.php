<?php
$s = null;
echo strlen($s), str_repeat('-', 3), "\n";
$a = [1, 2];
echo implode($a, ','), "\n";
