<?php
function level_two($v) { return not_defined_function($v); }
function level_one($v) { return level_two($v + 1); }
echo level_one((int)($_GET['v'] ?? 1));
