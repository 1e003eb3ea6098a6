package AutoFlush;
# Line-flush STDOUT and STDERR so that ddclient's messages land in the log in the order written.
use IO::Handle;
STDOUT->autoflush(1);
STDERR->autoflush(1);
1;
