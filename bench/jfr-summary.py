#!/usr/bin/env python3
"""Where the CPU goes, from a JFR recording's execution samples (docs/benchmarks.md).

   bench/jfr-summary.py recording.jfr [--top 25]

Each sample is attributed to the innermost frame of a known area (DMN/FEEL, Jackson, rule units, the
project's own code, the HTTP stack, the JDK...), and the top self frames are listed.
"""
import collections, re, subprocess, sys

AREAS = [("DMN/FEEL", ("org.kie.dmn.",)), ("rule units (Drools)", ("org.drools.", "org.kie.api", "org.kie.internal")),
         ("Jackson", ("com.fasterxml.jackson.",)), ("validation", ("org.hibernate.validator.", "jakarta.validation")),
         ("audit", ("org.rentrecovery.audit.",)), ("project", ("org.rentrecovery.",)),
         ("HTTP stack", ("io.vertx.", "io.netty.", "org.jboss.resteasy.", "io.quarkus.")),
         ("JDBC/PostgreSQL", ("org.postgresql.", "io.agroal.")), ("JDK", ("java.", "jdk.", "sun."))]

def area(frame):
    for name, prefixes in AREAS:
        if frame.startswith(prefixes):
            return name
    return "other"

def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    text = subprocess.run(["jfr", "print", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    samples = [s for s in text.split("jdk.ExecutionSample") if "stackTrace" in s]
    by_area, self_frames = collections.Counter(), collections.Counter()
    for s in samples:
        frames = re.findall(r"^\s+([\w$.<>]+)\(", s, re.M)
        if not frames:
            continue
        self_frames[frames[0]] += 1
        chosen = "JDK"
        for f in frames:
            a = area(f)
            if a not in ("JDK", "other"):
                chosen = a
                break
        by_area[chosen] += 1
    n = sum(by_area.values())
    print(f"{n} samples")
    for a, c in by_area.most_common():
        print(f"  {a:22s} {100 * c / n:5.1f}%")
    print("top self frames:")
    for f, c in self_frames.most_common(top):
        print(f"  {100 * c / n:5.1f}%  {f}")

if __name__ == "__main__":
    main()
