#!/bin/bash
# Builds the NIS maps of the test domain r31k.test under /tmp/round31-r31k/yp (random users/hosts).
T=/tmp/round31-r31k; D=$T/yp/r31k.test; M=/usr/lib/yp/makedbm
rm -rf $T/yp/*; mkdir -p $D $T/yp/empty.dom
n=$((40 + RANDOM % 60))
: > $T/passwd.txt; : > $T/group.txt; : > $T/hosts.txt
for i in $(seq 1 $n); do
  u=user$i; uid=$((2000 + i))
  echo "$u:x:$uid:$((3000 + i % 7)):User $i:/home/$u:/bin/bash" >> $T/passwd.txt
done
for g in $(seq 0 6); do echo "grp$g:x:$((3000 + g)):user$g,user$((g+7))" >> $T/group.txt; done
for i in $(seq 1 30); do echo "10.31.0.$i host$i host$i.r31k.test" >> $T/hosts.txt; done
awk -F: '{print $1"\t"$0}' $T/passwd.txt | $M -m nis-master.r31k.test - $D/passwd.byname
awk -F: '{print $3"\t"$0}' $T/passwd.txt | $M -m nis-master.r31k.test - $D/passwd.byuid
awk -F: '{print $1"\t"$1":*:18000:0:99999:7:::"}' $T/passwd.txt | $M -s -m nis-master.r31k.test - $D/shadow.byname
awk -F: '{print $1"\t"$0}' $T/group.txt | $M -m nis-master.r31k.test - $D/group.byname
awk -F: '{print $3"\t"$0}' $T/group.txt | $M -m nis-master.r31k.test - $D/group.bygid
awk '{print $2"\t"$0}' $T/hosts.txt | $M -m nis-master.r31k.test -a - $D/hosts.byname
awk '{print $1"\t"$0}' $T/hosts.txt | $M -m nis-master.r31k.test -a - $D/hosts.byaddr
printf 'nis-master.r31k.test\tnis-master.r31k.test\nlocalhost\tlocalhost\n' | $M - $D/ypservers
printf 'staff\t(host1,user1,r31k.test) (host2,user2,r31k.test)\n' | $M - $D/netgroup
printf 'postmaster\troot\nabuse\troot\n' | $M -m nis-master.r31k.test -i /etc/aliases - $D/mail.aliases
rm -f $T/passwd.txt $T/group.txt $T/hosts.txt
