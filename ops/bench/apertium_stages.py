"""CPU time of each Apertium stage per sentence, by how segments are fed to one warm pipeline.

    python3 ops/bench/apertium_stages.py [MODE] [SENTENCES]      (default eng-spa 2000)

Runs the mode's null-flush pipeline (apertium-wblank-mode -z, as Monocle does) and feeds it the
same 8-word sentence in four ways: one at a time (write, wait for the answer, write the next),
with 4 and with 8 segments in flight (each still NUL-flushed on its own), and all as one text.
Prints wall time and the stages' CPU time (from /proc) per sentence, and per stage.
"""
import os, shlex, subprocess, sys, threading, time

mode = sys.argv[1] if len(sys.argv) > 1 else "eng-spa"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
line = subprocess.run(["apertium-wblank-mode", "-z", f"/usr/share/apertium/modes/{mode}.mode"],
                      capture_output=True, text=True, check=True).stdout
stages = [shlex.split(s.replace("$1", "-g").replace("$2", "")) for s in line.split("|")]
sentence = b"I see the red glasses on the table. "
tick = os.sysconf("SC_CLK_TCK")


def start():
    procs = []
    for i, stage in enumerate(stages):
        p = subprocess.Popen(stage, stdin=procs[-1].stdout if procs else subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if procs:
            procs[-1].stdout.close()
        procs.append(p)
    return procs


def cpu(p):
    with open(f"/proc/{p.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick


def run(in_flight):
    procs = start()
    inp, out = procs[0].stdin, procs[-1].stdout.fileno()
    inp.write(sentence + b"\0"); inp.flush()
    while b"\0" not in os.read(out, 65536):
        pass
    before, t0 = [cpu(p) for p in procs], time.time()
    if in_flight == 0:  # one text
        inp.write(sentence * n + b"\0"); inp.flush()
        while b"\0" not in os.read(out, 1 << 20):
            pass
    else:
        room = threading.Semaphore(in_flight)

        def reader():
            got = 0
            while got < n:
                k = os.read(out, 65536).count(b"\0")
                got += k
                for _ in range(k):
                    room.release()

        t = threading.Thread(target=reader); t.start()
        for _ in range(n):
            room.acquire(); inp.write(sentence + b"\0"); inp.flush()
        t.join()
    wall, after = time.time() - t0, [cpu(p) for p in procs]
    for p in procs:
        p.kill()
    per = [1000 * (a - b) / n for a, b in zip(after, before)]
    name = "one text" if in_flight == 0 else f"{in_flight} in flight"
    print(f"{name:<12} wall {1000 * wall / n:6.3f} ms/sentence   stages' CPU {sum(per):6.3f} ms/sentence")
    return per


print(f"{mode}, {n} sentences of 8 words")
table = {k: run(k) for k in (1, 4, 8, 0)}
print("\nper stage, ms of CPU per sentence:  1 in flight / 4 / 8 / one text")
for i, stage in enumerate(stages):
    print(f"  {' '.join(stage[:2])[:40]:<40} " + " ".join(f"{table[k][i]:6.3f}" for k in (1, 4, 8, 0)))
