<?php
set_time_limit(1);
$t = microtime(true);
while (microtime(true) - $t < 5) { $x = sha1((string)$t); }
