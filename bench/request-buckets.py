#!/usr/bin/env python3
"""Next-action's request path by bucket, from a JFR recording of the service under next-action load
(bench/cpu-by-thread.sh with JFR=FILE, or bench/profile.sh): each execution sample, and each allocation sample by its
weight, is given to the first bucket in BUCKETS whose marker frame is anywhere in its stack (the whole stack, not only
the top frame), so Jackson under the case reader counts as reading and Jackson under the audit as writing the answer.
GC and JIT threads run no Java code and are not sampled: bench/cpu-by-thread.sh gives their CPU.

   bench/request-buckets.py recording.jfr [--frames BUCKET]   (--frames: the top self frames of one bucket)
"""
import collections, json, re, subprocess, sys

# (bucket, markers): a sample is in the first bucket any of whose markers is a substring of one of its frames.
BUCKETS = [
    ("audit: journal writer, compression (PayloadDeflater, Deflater)", ("PayloadDeflater.", "java.util.zip.Deflater")),
    ("audit: journal writer, record scans and frame (AuditPayload, JournalFrame)", ("JournalAuditStore.writeBatch",)),
    ("audit: journal writer, queue and hand-back", ("GroupCommitQueue.run",)),
    ("fact building / case analysis", ("CaseAnalysis.", "StepCodes.declaredIn", "LegalPosition.", "PositionOnDate.")),
    ("answer building (plan, reasons, assembly)", ("ActionPlan.of", "DecisionExplanation.", "DecisionAssembler.")),
    ("decide (policy tables, rule units, guards)", ("DecisionService.decide",)),
    ("answer JSON writing", ("AnswerJson.",)),
    ("audit: request thread (record, hand-off, wait)", ("DecisionAudit.",)),
    ("Bean Validation", ("org.hibernate.validator.",)),
    ("request JSON reading and checks", ("CaseFactsReader.",)),
    ("metrics", ("io.micrometer.", "io.quarkus.micrometer.", "DecisionMetrics.", "DecisionMeters.")),
    ("logging", ("org.jboss.logmanager.", "org.jboss.logging.")),
    ("auth / token check", ("HttpSecurityRecorder", "ProblemBearerMechanism", "AuthenticatedIdentities", "io.quarkus.security.",
                            "io.smallrye.jwt.", "HttpAuthorizer", "HttpAuthenticator", "io.quarkus.vertx.http.runtime.security.")),
    ("serving the answer (DecisionAnswerWriter, Quarkus REST response)", ("DecisionAnswerWriter.", "ServerSerialisers.")),
    ("HTTP / Vert.x / Quarkus REST (the rest)", ("io.vertx.", "io.netty.", "org.jboss.resteasy.", "io.quarkus.")),
]

def frames_of(event):
    # The type's name is in its internal form (slashes).
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            for f in event["values"]["stackTrace"]["frames"]] if event["values"].get("stackTrace") else []

def bucket(frames):
    for name, markers in BUCKETS:
        if any(m in f for f in frames for m in markers):
            return name
    return "other (" + (frames[0].rsplit(".", 2)[0] if frames else "no stack") + ")"

def events(path, kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", kind, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]

def main():
    path = sys.argv[1]
    only = sys.argv[sys.argv.index("--frames") + 1] if "--frames" in sys.argv else None
    cpu, alloc, selfs = collections.Counter(), collections.Counter(), collections.Counter()
    threads = collections.Counter()
    for e in events(path, "jdk.ExecutionSample"):
        frames = frames_of(e)
        b = bucket(frames)
        cpu[b] += 1
        threads[re.sub(r"\d+$", "", e["values"]["sampledThread"]["javaName"] or "?")] += 1
        if only and only in b and frames:
            selfs[frames[0]] += 1
    for e in events(path, "jdk.ObjectAllocationSample"):
        alloc[bucket(frames_of(e))] += e["values"]["weight"]
    n, total = sum(cpu.values()), sum(alloc.values())
    print(f"{n} execution samples; allocation samples weigh {total / 1e6:.1f} MB")
    print("  %-72s %7s %7s" % ("bucket", "CPU", "alloc"))
    for b in sorted(set(cpu) | set(alloc), key=lambda k: -cpu[k]):
        if b.startswith("other") and cpu[b] / max(n, 1) < 0.005 and alloc[b] / max(total, 1) < 0.005:
            continue
        print("  %-72s %6.1f%% %6.1f%%" % (b[:72], 100 * cpu[b] / max(n, 1), 100 * alloc[b] / max(total, 1)))
    print("samples by thread: " + ", ".join(f"{t} {c}" for t, c in threads.most_common()))
    if only:
        print(f"top self frames in '{only}':")
        for f, c in selfs.most_common(25):
            print(f"  {c:5d}  {f}")

if __name__ == "__main__":
    main()
