<?php
if ($_SERVER['REQUEST_METHOD'] !== 'POST') { http_response_code(405); exit; }
$n = count($_POST);
echo "fields=$n\n";
echo $_POST['qty'] * 2, "\n";
