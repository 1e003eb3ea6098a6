<?php
class OrderException extends RuntimeException {}
function load_order($id) { if ($id % 2) { throw new OrderException("order $id not found"); } return $id; }
echo load_order((int)($_GET['id'] ?? 1));
