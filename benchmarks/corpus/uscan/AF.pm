package AF; $| = 1; select((select(STDERR), $| = 1)[0]); 1;
