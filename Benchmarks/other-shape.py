#!/usr/bin/env python3
"""An organisation shaped otherwise than `kata demo`, as interchange JSONL (DESIGN §8), for Benchmarks/run.

    Benchmarks/other-shape.py COACHES DAYS TODAY > other.jsonl

COACHES coaches with three learners each (and one target condition per learner), coaching over
the DAYS days up to TODAY, Monday to Friday: about one cycle per coach and calendar day, so
2,000 coaches over 500 days make about a million cycles. No experiments, obstacles or
observations. Lines come kind by kind, and the cycles coach by coach (each coach's in date
order), not in the order of their ids as `kata export data` writes them. The same arguments give
the same file, byte for byte.
"""
import datetime
import random
import sys
import uuid

coaches, days = int(sys.argv[1]), int(sys.argv[2])
today = datetime.date.fromisoformat(sys.argv[3])
first = today - datetime.timedelta(days=days - 1)
random_ = random.Random(20261120)


def new_id():
    return str(uuid.UUID(int=random_.getrandbits(128), version=4))


out = sys.stdout
write = out.write
learners = {}  # coach -> [(learner, target id)]
for c in range(coaches):
    coach = f"coach{c:04d}"
    write(f'{{"kind":"person","handle":"{coach}","name":"Coach {c}","unit":"Unit {c // 50}"}}\n')
    for k in range(3):
        learner = f"learner{c:04d}.{k}"
        write(
            f'{{"kind":"person","handle":"{learner}","name":"Learner {c}.{k}","unit":"Unit {c // 50}",'
            f'"reportsTo":"{coach}"}}\n'
        )
        learners.setdefault(coach, []).append((learner, new_id()))
for coach, rows in learners.items():
    for learner, _ in rows:
        write(f'{{"kind":"pairing","id":"{new_id()}","coach":"{coach}","learner":"{learner}","since":"{first}"}}\n')
for coach, rows in learners.items():
    for learner, target in rows:
        write(
            f'{{"kind":"target","id":"{target}","learner":"{learner}","focusProcess":"Changeover",'
            f'"condition":"Changeover under 20 minutes","achieveBy":"{today + datetime.timedelta(days=90)}",'
            f'"createdOn":"{first}"}}\n'
        )
workdays = [first + datetime.timedelta(days=d) for d in range(days)]
workdays = [day.isoformat() for day in workdays if day.weekday() < 5]
# One cycle per coach and calendar day on average, spread over the workdays and three learners.
chance = days / len(workdays) / 3 if workdays else 0
for coach, rows in learners.items():
    for day in workdays:
        for learner, target in rows:
            if random_.random() < chance:
                minutes = random_.choice((10, 15, 15, 20, 20, 25))
                write(
                    f'{{"kind":"cycle","id":"{new_id()}","date":"{day}","coach":"{coach}","learner":"{learner}",'
                    f'"minutes":{minutes},"target":"{target}"}}\n'
                )
