#!/usr/bin/python3
# Minimal IMAP client used by workload.sh to change the server side (no logging).
import imaplib, random, sys, time
user, pw, action = sys.argv[1], sys.argv[2], sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
rnd = random.Random(seed)
M = imaplib.IMAP4('127.0.0.1', 43510)
M.login(user, pw)
folders = ['INBOX', 'Work', 'Lists', 'Archive']
if action == 'append':
    for i in range(rnd.randint(1, 6)):
        f = rnd.choice(folders)
        M.create(f)
        body = ('From: peer%d@example.org\r\nTo: %s@example.org\r\nSubject: note %d\r\n'
                'Message-ID: <%d.%d@example.org>\r\n\r\n' % (rnd.randint(1, 9), user, rnd.randint(1, 999), time.time_ns(), i)
                + 'line of text\r\n' * rnd.randint(1, 40))
        flags = rnd.choice(['', '(\\Seen)', '(\\Flagged)', '(\\Seen \\Answered)'])
        M.append(f, flags or None, None, body.encode())
elif action == 'flag':
    f = rnd.choice(folders)
    if M.select(f)[0] == 'OK':
        typ, d = M.search(None, 'ALL')
        ids = d[0].split()
        for n in rnd.sample(ids, min(len(ids), rnd.randint(1, 3))):
            M.store(n, rnd.choice(['+FLAGS', '-FLAGS']), rnd.choice(['(\\Seen)', '(\\Flagged)', '(\\Answered)', '(\\Draft)']))
elif action == 'delete':
    f = rnd.choice(folders)
    if M.select(f)[0] == 'OK':
        typ, d = M.search(None, 'ALL')
        ids = d[0].split()
        for n in rnd.sample(ids, min(len(ids), rnd.randint(1, 2))):
            M.store(n, '+FLAGS', '(\\Deleted)')
        M.expunge()
elif action == 'mkfolder':
    M.create(rnd.choice(['Projects', 'Travel', 'Receipts']))
elif action == 'rmfolder':
    M.delete(rnd.choice(['Projects', 'Travel', 'Receipts', 'Lists']))
M.logout()
