"""Client tasks for the luigi workload (run by luigi workers against luigid)."""
import os, random, time, sys
import luigi
from luigi.contrib.external_program import ExternalProgramTask

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


class Gen(luigi.Task):
    i = luigi.IntParameter()
    tag = luigi.Parameter(default="a")

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "gen_%s_%d.txt" % (self.tag, self.i)))

    def run(self):
        time.sleep(random.uniform(0.05, 0.6))
        with self.output().open("w") as f:
            f.write("%d\n" % (self.i * random.randint(1, 9)))


class Agg(luigi.Task):
    n = luigi.IntParameter(default=4)
    tag = luigi.Parameter(default="a")

    def requires(self):
        return [Gen(i=i, tag=self.tag) for i in range(self.n)]

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "agg_%s_%d.txt" % (self.tag, self.n)))

    def run(self):
        total = 0
        for t in self.input():
            with t.open() as f:
                total += int(f.read().strip())
        with self.output().open("w") as f:
            f.write("%d\n" % total)


class Flaky(luigi.Task):
    tag = luigi.Parameter()
    p = luigi.FloatParameter(default=0.5)
    retry_count = 2

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "flaky_%s.txt" % self.tag))

    def run(self):
        time.sleep(0.2)
        if random.random() < self.p:
            os._exit(1)
        with self.output().open("w") as f:
            f.write("ok\n")


class Missing(luigi.ExternalTask):
    name = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "never_%s.csv" % self.name))


class NeedsMissing(luigi.Task):
    tag = luigi.Parameter()

    def requires(self):
        return [Missing(name=self.tag), Gen(i=99, tag=self.tag)]

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "needs_%s.txt" % self.tag))

    def run(self):
        pass


class BadRequires(luigi.Task):
    tag = luigi.Parameter()

    def requires(self):
        raise RuntimeError("cannot compute requirements for %s" % self.tag)

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "badreq_%s.txt" % self.tag))


class BadComplete(luigi.Task):
    tag = luigi.Parameter()

    def complete(self):
        raise IOError("storage unreachable while checking %s" % self.tag)


class Wrapper(luigi.WrapperTask):
    tag = luigi.Parameter()

    def requires(self):
        yield Agg(n=2 + sum(map(ord, self.tag)) % 3, tag=self.tag)
        yield Cmd(tag=self.tag)
        yield Flaky(tag=self.tag, p=0.3)


class Dyn(luigi.Task):
    tag = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "dyn_%s.txt" % self.tag))

    def run(self):
        deps = yield [Gen(i=50 + k, tag=self.tag) for k in range(random.randint(1, 3))]
        with self.output().open("w") as f:
            f.write("%d\n" % len(deps))


class Slow(luigi.Task):
    tag = luigi.Parameter()
    secs = luigi.FloatParameter(default=3.0)
    worker_timeout = 1

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "slow_%s.txt" % self.tag))

    def run(self):
        time.sleep(self.secs)
        with self.output().open("w") as f:
            f.write("slow\n")


class Crash(luigi.Task):
    tag = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "crash_%s.txt" % self.tag))

    def run(self):
        os._exit(random.choice([3, 7, 11]))


class Cmd(luigi.contrib.external_program.ExternalProgramTask):
    tag = luigi.Parameter()
    code = luigi.IntParameter(default=0)
    always_log_stderr = True

    def program_args(self):
        return ["sh", "-c", "sleep 0.%d; touch %s" % (random.randint(1, 5), self.output().path)]

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "cmd_%s.txt" % self.tag))


class Listen(luigi.Task):
    tag = luigi.Parameter()
    accepts_messages = True

    def output(self):
        return luigi.LocalTarget(os.path.join(DATA, "listen_%s.txt" % self.tag))

    def run(self):
        got = []
        end = time.time() + 6
        while time.time() < end:
            if not self.scheduler_messages.empty():
                msg = self.scheduler_messages.get()
                got.append(msg.content)
                msg.respond("ack %s" % msg.content)
            self.set_status_message("waiting, %d messages" % len(got))
            self.set_progress_percentage(min(100, len(got) * 50))
            time.sleep(0.3)
        with self.output().open("w") as f:
            f.write("\n".join(got) + "\n")
