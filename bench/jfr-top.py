#!/usr/bin/env python3
"""Aggregates `jfr print --events jdk.ExecutionSample` output (bench/profile.sh): the hottest
top frames (self time), and the portal, Thymeleaf, ical4j, Hibernate and JDBC frames by inclusive
samples, so the top costs of a page can be named. Usage: jfr print --events jdk.ExecutionSample
x.jfr | bench/jfr-top.py [n]"""
import re
import sys
from collections import Counter

n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
self_count, inclusive = Counter(), Counter()
samples = 0
frames = None
frame = re.compile(r'^\s+([\w$.<>/]+)\(.*line:')
# a sample's cost goes to the first of these found from its top frame down
buckets = [('ical4j (series expansion)', 'net.fortuna.'), ('JDBC/PostgreSQL', 'org.postgresql.'), ('Hikari', 'com.zaxxer.'),
           ('Hibernate', 'org.hibernate.'), ('Jackson', 'tools.jackson.'), ('Thymeleaf rendering', 'org.thymeleaf.'),
           ('Spring MVC', 'org.springframework.web.servlet.'), ('Spring Security', 'org.springframework.security.'),
           ('portal filters/code', 'de.stadtportal.'), ('Tomcat/IO', 'org.apache.')]
bucket_count = Counter()
interesting = ('de.stadtportal.', 'org.thymeleaf.', 'net.fortuna.', 'org.postgresql.', 'org.hibernate.',
               'com.zaxxer.', 'org.springframework.security.', 'org.apache.catalina.', 'org.springframework.web.')
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        frames = []
    elif frames is not None and 'stackTrace = [' in line:
        continue
    elif frames is not None and frame.match(line):
        frames.append(frame.match(line).group(1))
    elif frames is not None and line.strip() == ']':
        if frames:
            samples += 1
            self_count[frames[0]] += 1
            bucket_count[next((name for f in frames for name, prefix in buckets if f.startswith(prefix)), 'other (JVM, GC)')] += 1
            for f in set(frames):
                if f.startswith(interesting):
                    inclusive[f] += 1
        frames = None
print(f'{samples} samples')
print('-- where (first known layer from the top frame)')
for b, c in bucket_count.most_common():
    print(f'{100 * c / max(samples, 1):5.1f} %  {b}')
print('-- self (top frame)')
for f, c in self_count.most_common(n):
    print(f'{100 * c / max(samples, 1):5.1f} %  {f}')
print('-- portal and ical4j frames, inclusive')
for f, c in [(f, c) for f, c in inclusive.most_common() if f.startswith(('de.stadtportal.', 'net.fortuna.'))][:n]:
    print(f'{100 * c / max(samples, 1):5.1f} %  {f}')
