<?php
ini_set('memory_limit', '8M');
$a = [];
while (true) { $a[] = str_repeat('x', 100000); }
