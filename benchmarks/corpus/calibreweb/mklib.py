# builds a small Calibre library (metadata.db with Calibre's tables, a few books) in the folder given
import os, sqlite3, sys, uuid, zipfile
lib = sys.argv[1]
os.makedirs(lib, exist_ok=True)
db = sqlite3.connect(os.path.join(lib, "metadata.db"))
db.executescript("""
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, sort TEXT COLLATE NOCASE, link TEXT NOT NULL DEFAULT "", UNIQUE(name));
CREATE TABLE books (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL DEFAULT 'Unknown' COLLATE NOCASE, sort TEXT COLLATE NOCASE,
  timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP, pubdate TIMESTAMP DEFAULT CURRENT_TIMESTAMP, series_index REAL NOT NULL DEFAULT 1.0,
  author_sort TEXT COLLATE NOCASE, isbn TEXT DEFAULT "" COLLATE NOCASE, lccn TEXT DEFAULT "" COLLATE NOCASE, path TEXT NOT NULL DEFAULT "",
  flags INTEGER NOT NULL DEFAULT 1, uuid TEXT, has_cover BOOL DEFAULT 0, last_modified TIMESTAMP NOT NULL DEFAULT "2000-01-01 00:00:00+00:00");
CREATE TABLE books_authors_link (id INTEGER PRIMARY KEY, book INTEGER NOT NULL, author INTEGER NOT NULL, UNIQUE(book, author));
CREATE TABLE books_languages_link (id INTEGER PRIMARY KEY, book INTEGER NOT NULL, lang_code INTEGER NOT NULL, item_order INTEGER NOT NULL DEFAULT 0, UNIQUE(book, lang_code));
CREATE TABLE books_plugin_data (id INTEGER PRIMARY KEY, book INTEGER NON NULL, name TEXT NON NULL, val TEXT NON NULL, UNIQUE(book,name));
CREATE TABLE books_publishers_link (id INTEGER PRIMARY KEY, book INTEGER NOT NULL, publisher INTEGER NOT NULL, UNIQUE(book));
CREATE TABLE books_ratings_link (id INTEGER PRIMARY KEY, book INTEGER NOT NULL, rating INTEGER NOT NULL, UNIQUE(book, rating));
CREATE TABLE books_series_link (id INTEGER PRIMARY KEY, book INTEGER NOT NULL, series INTEGER NOT NULL, UNIQUE(book));
CREATE TABLE books_tags_link (id INTEGER PRIMARY KEY, book INTEGER NOT NULL, tag INTEGER NOT NULL, UNIQUE(book, tag));
CREATE TABLE comments (id INTEGER PRIMARY KEY, book INTEGER NON NULL, text TEXT NON NULL COLLATE NOCASE, UNIQUE(book));
CREATE TABLE conversion_options (id INTEGER PRIMARY KEY, format TEXT NOT NULL COLLATE NOCASE, book INTEGER, data BLOB NOT NULL, UNIQUE(format,book));
CREATE TABLE custom_columns (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT NOT NULL, name TEXT NOT NULL, datatype TEXT NOT NULL,
  mark_for_delete BOOL DEFAULT 0 NOT NULL, editable BOOL DEFAULT 1 NOT NULL, display TEXT DEFAULT "{}" NOT NULL, is_multiple BOOL DEFAULT 0 NOT NULL, normalized BOOL NOT NULL, UNIQUE(label));
CREATE TABLE data (id INTEGER PRIMARY KEY, book INTEGER NON NULL, format TEXT NON NULL COLLATE NOCASE, uncompressed_size INTEGER NON NULL, name TEXT NON NULL, UNIQUE(book, format));
CREATE TABLE feeds (id INTEGER PRIMARY KEY, title TEXT NOT NULL, script TEXT NOT NULL, UNIQUE(title));
CREATE TABLE identifiers (id INTEGER PRIMARY KEY, book INTEGER NON NULL, type TEXT NON NULL DEFAULT "isbn" COLLATE NOCASE, val TEXT NON NULL COLLATE NOCASE, UNIQUE(book, type));
CREATE TABLE languages (id INTEGER PRIMARY KEY, lang_code TEXT NON NULL COLLATE NOCASE, UNIQUE(lang_code));
CREATE TABLE library_id (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, UNIQUE(uuid));
CREATE TABLE metadata_dirtied (id INTEGER PRIMARY KEY, book INTEGER NOT NULL, UNIQUE(book));
CREATE TABLE preferences (id INTEGER PRIMARY KEY, key TEXT NON NULL, val TEXT NON NULL, UNIQUE(key));
CREATE TABLE publishers (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, sort TEXT COLLATE NOCASE, UNIQUE(name));
CREATE TABLE ratings (id INTEGER PRIMARY KEY, rating INTEGER CHECK(rating > -1 AND rating < 11), UNIQUE (rating));
CREATE TABLE series (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, sort TEXT COLLATE NOCASE, UNIQUE (name));
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, UNIQUE (name));
""")
db.execute("INSERT INTO library_id(uuid) VALUES (?)", (str(uuid.uuid4()),))
db.execute("INSERT INTO languages(lang_code) VALUES ('eng')")
db.execute("INSERT INTO tags(name) VALUES ('fiction'), ('poetry'), ('science')")
db.execute("INSERT INTO series(name, sort) VALUES ('Harbour Tales', 'Harbour Tales')")
books = [("The Quiet Harbour", "Ann Lee", "Lee, Ann"), ("Stones and Rivers", "Ben Ortiz", "Ortiz, Ben"),
         ("Notes on Light", "Ann Lee", "Lee, Ann"), ("A Winter Garden", "Cara Novak", "Novak, Cara"),
         ("Small Engines", "Dev Rao", "Rao, Dev"), ("The Harbour Again", "Ann Lee", "Lee, Ann")]
authors = {}
for i, (title, author, asort) in enumerate(books, start=1):
    if author not in authors:
        cur = db.execute("INSERT INTO authors(name, sort) VALUES (?, ?)", (author, asort))
        authors[author] = cur.lastrowid
    path = f"{author}/{title} ({i})"
    os.makedirs(os.path.join(lib, path), exist_ok=True)
    name = f"{title} - {author}"
    with open(os.path.join(lib, path, name + ".txt"), "w") as f:
        f.write(f"{title}\n\nby {author}\n\n" + "Lorem ipsum dolor sit amet. " * 40 + "\n")
    db.execute("INSERT INTO books(id, title, sort, author_sort, path, uuid, has_cover, last_modified) VALUES (?,?,?,?,?,?,0,CURRENT_TIMESTAMP)",
               (i, title, title, asort, path, str(uuid.uuid4())))
    db.execute("INSERT INTO books_authors_link(book, author) VALUES (?,?)", (i, authors[author]))
    db.execute("INSERT INTO books_languages_link(book, lang_code) VALUES (?, 1)", (i,))
    db.execute("INSERT INTO books_tags_link(book, tag) VALUES (?, ?)", (i, 1 + i % 3))
    db.execute("INSERT INTO data(book, format, uncompressed_size, name) VALUES (?, 'TXT', 1200, ?)", (i, name))
    db.execute("INSERT INTO comments(book, text) VALUES (?, ?)", (i, f"<p>A short book called {title}.</p>"))
    if "Harbour" in title:
        db.execute("INSERT INTO books_series_link(book, series) VALUES (?, 1)", (i,))
db.commit()
