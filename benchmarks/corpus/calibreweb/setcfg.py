# points Calibre-Web's settings (app.db) at the library, debug log level, uploads on
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE settings SET config_calibre_dir=?, config_log_level=10, config_uploading=1, config_anonbrowse=0", (sys.argv[2],))
db.commit()
