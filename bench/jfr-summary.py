#!/usr/bin/env python3
"""Where the CPU goes, from a JFR recording's execution samples (docs/benchmarks.md).

   bench/jfr-summary.py recording.jfr [--top 25]

Each sample is attributed to the innermost frame of a known area (DMN/FEEL, Jackson, rule units, the
project's own code, the HTTP stack, the JDK...), and the top self frames are listed. Then each sample is
given to the first stage of a request it is in (STAGES: the decision, reading the case, writing the
answer for the audit, the journal, the Vert.x route handler it is under: security, Quarkus REST's
filters...), which says what a request pays outside the decision.
"""
import collections, re, subprocess, sys

AREAS = [("DMN/FEEL", ("org.kie.dmn.",)), ("rule units (Drools)", ("org.drools.", "org.kie.api", "org.kie.internal")),
         ("Jackson", ("com.fasterxml.jackson.",)), ("validation", ("org.hibernate.validator.", "jakarta.validation")),
         ("audit", ("org.rentrecovery.audit.",)), ("project", ("org.rentrecovery.",)),
         ("HTTP stack", ("io.vertx.", "io.netty.", "org.jboss.resteasy.", "io.quarkus.")),
         ("JDBC/PostgreSQL", ("org.postgresql.", "io.agroal.")), ("JDK", ("java.", "jdk.", "sun."))]

# A frame that marks a stage of a request, checked in this order: a sample is in the first stage it contains.
STAGES = [("decision", "org.rentrecovery.decision.DecisionService.decide"),
          ("reading: Bean Validation", "org.hibernate.validator."), ("reading: Jackson and checks", "CaseFactsReader.read"),
          ("answer JSON (audit, served as recorded)", "DecisionAudit.record"), ("audit journal and store", "org.rentrecovery.audit."),
          ("metrics", "io.micrometer.")]

def stage(frames):
    for name, marker in STAGES:
        if any(marker in f for f in frames):
            return name
    # Otherwise the Vert.x route handler the sample is under (the innermost), e.g. authentication; else the thread's own loop.
    for i, f in enumerate(frames):
        if f.endswith("RouteState.handleContext") and i > 0:
            return "route handler " + ".".join(frames[i - 1].split(".")[-2:])
    return "HTTP I/O and other (event loop, workers)"

def area(frame):
    for name, prefixes in AREAS:
        if frame.startswith(prefixes):
            return name
    return "other"

def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    text = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    samples = [s for s in text.split("jdk.ExecutionSample") if "stackTrace" in s]
    by_area, self_frames, by_stage = collections.Counter(), collections.Counter(), collections.Counter()
    for s in samples:
        frames = re.findall(r"^\s+([\w$.<>]+)\(", s, re.M)
        if not frames:
            continue
        self_frames[frames[0]] += 1
        by_stage[stage(frames)] += 1
        chosen = "JDK"
        for f in frames:
            a = area(f)
            if a not in ("JDK", "other"):
                chosen = a
                break
        by_area[chosen] += 1
    n = sum(by_area.values())
    truncated = sum(1 for s in samples if re.search(r"^\s+\.\.\.\s*$", s, re.M))
    print(f"{n} samples ({truncated} with their outer frames cut off by the recording's stack depth: "
          "bench/profile.sh records 256 frames)")
    for a, c in by_area.most_common():
        print(f"  {a:22s} {100 * c / n:5.1f}%")
    print("by stage of the request:")
    for s, c in by_stage.most_common():
        print(f"  {s:45s} {100 * c / n:5.1f}%")
    print("top self frames:")
    for f, c in self_frames.most_common(top):
        print(f"  {100 * c / n:5.1f}%  {f}")

if __name__ == "__main__":
    main()
