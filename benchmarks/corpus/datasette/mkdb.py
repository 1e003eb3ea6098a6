#!/usr/bin/env python3
"""Make the SQLite database Datasette serves (argv[1]), with random rows."""
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""
drop table if exists cities; drop table if exists orders; drop table if exists notes;
drop view if exists big_orders; drop table if exists docs; drop table if exists numbers;
create table cities (id integer primary key, name text, country text, population integer, lat real, lon real);
create table orders (id integer primary key, city_id integer references cities(id), item text, qty integer, price real, created text);
create table notes (id integer primary key, body text, created text default current_timestamp);
create table numbers (n integer primary key);
create view big_orders as select orders.*, cities.name as city from orders join cities on cities.id = orders.city_id where qty > 5;
create virtual table docs using fts5(title, body);
""")
countries = ["FR", "DE", "ES", "IT", "PT", "NL", "BE", "PL", "SE", "NO"]
words = "alpha beta gamma delta river stone cloud lamp table harbor orbit garden signal copper".split()
for i in range(1, 301):
    db.execute("insert into cities values (?,?,?,?,?,?)", (i, random.choice(words).title() + str(i), random.choice(countries), random.randint(1000, 3000000), random.uniform(35, 60), random.uniform(-9, 25)))
for i in range(1, 5001):
    db.execute("insert into orders values (?,?,?,?,?,?)", (i, random.randint(1, 300), random.choice(words), random.randint(1, 12), round(random.uniform(1, 500), 2), "2026-%02d-%02d" % (random.randint(1, 12), random.randint(1, 28))))
for i in range(200):
    db.execute("insert into docs values (?,?)", (" ".join(random.sample(words, 3)), " ".join(random.choices(words, k=30))))
db.executemany("insert into numbers values (?)", [(i,) for i in range(1, 20001)])
db.commit()
