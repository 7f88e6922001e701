/**
 * A local stand-in for AWS Glue, for tests: an HTTP server speaking the AWS JSON 1.1 protocol
 * (`POST /`, `X-Amz-Target: AWSGlue.<Operation>`) for CreateJob, UpdateJob, GetJob,
 * StartJobRun and GetJobRun. It records jobs and walks each run STARTING -> RUNNING ->
 * SUCCEEDED, one step per GetJobRun; tests can make a job's next run fail and throttle calls.
 * It runs no scripts: it checks the requests' shapes, not what the jobs would do.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Input = Record<string, unknown>;
type Job = Input & { Name: string; CreatedOn: number; LastModifiedOn: number };
interface Run {
  Id: string;
  JobName: string;
  JobRunState: string;
  StartedOn: number;
  CompletedOn?: number;
  ErrorMessage?: string;
  Arguments: Record<string, string>;
  fail?: string;
}

class GlueError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const now = () => Date.now() / 1000;

export class GlueStandIn {
  readonly jobs = new Map<string, Job>();
  readonly runs: Run[] = [];
  readonly calls: { operation: string; at: number; throttled: boolean }[] = [];
  endpoint = '';
  private server: Server | undefined;
  private readonly failures = new Map<string, string>();
  private readonly throttled = new Map<string, number>();

  static async start(): Promise<GlueStandIn> {
    const standIn = new GlueStandIn();
    const server = createServer((request, response) => void standIn.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn.server = server;
    standIn.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return standIn;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server) await new Promise((resolve) => server.close(resolve).closeAllConnections());
  }

  /** The job's next run fails with this ErrorMessage (after RUNNING). */
  failNextRun(jobName: string, message: string): void {
    this.failures.set(jobName, message);
  }

  /** The next `times` calls of `operation` answer ThrottlingException. */
  throttle(operation: string, times: number): void {
    this.throttled.set(operation, times);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^AWSGlue\./, '');
    const left = this.throttled.get(operation) ?? 0;
    this.calls.push({ operation, at: performance.now(), throttled: left > 0 });
    try {
      if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
        throw new GlueError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
      }
      if (left > 0) {
        this.throttled.set(operation, left - 1);
        throw new GlueError('ThrottlingException', 'Rate exceeded');
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      this.send(response, 200, this.dispatch(operation, (body === '' ? {} : JSON.parse(body)) as Input));
    } catch (error) {
      const known =
        error instanceof GlueError ? error : new GlueError('InternalServiceException', String(error), 500);
      this.send(response, known.status, { __type: known.type, Message: known.message });
    }
  }

  private dispatch(operation: string, input: Input): object {
    switch (operation) {
      case 'CreateJob': {
        const name = required(input.Name, 'Name');
        required(input.Role, 'Role');
        checkCommand(input.Command);
        if (this.jobs.has(name)) throw new GlueError('AlreadyExistsException', `Job ${name} already exists.`);
        this.jobs.set(name, { ...input, Name: name, CreatedOn: now(), LastModifiedOn: now() });
        return { Name: name };
      }
      case 'UpdateJob': {
        const job = this.job(input.JobName);
        const update = (input.JobUpdate ?? {}) as Input;
        required(update.Role, 'JobUpdate.Role');
        checkCommand(update.Command);
        // UpdateJob replaces the definition: what the update leaves out is reset.
        this.jobs.set(job.Name, {
          ...update,
          Name: job.Name,
          CreatedOn: job.CreatedOn,
          LastModifiedOn: now(),
        });
        return { JobName: job.Name };
      }
      case 'GetJob':
        return { Job: this.job(input.JobName) };
      case 'StartJobRun': {
        const job = this.job(input.JobName);
        const max = Number((job.ExecutionProperty as Input | undefined)?.MaxConcurrentRuns ?? 1);
        const active = this.runs.filter(
          (r) => r.JobName === job.Name && ['STARTING', 'RUNNING'].includes(r.JobRunState),
        );
        if (active.length >= max)
          throw new GlueError('ConcurrentRunsExceededException', `Concurrent runs exceeded for ${job.Name}`);
        const run: Run = {
          Id: `jr_${randomUUID().replace(/-/g, '')}`,
          JobName: job.Name,
          JobRunState: 'STARTING',
          StartedOn: now(),
          Arguments: {
            ...(job.DefaultArguments as Record<string, string>),
            ...(input.Arguments as Record<string, string>),
          },
          fail: this.failures.get(job.Name),
        };
        this.failures.delete(job.Name);
        this.runs.push(run);
        return { JobRunId: run.Id };
      }
      case 'GetJobRun': {
        const job = this.job(input.JobName);
        const run = this.runs.find((r) => r.JobName === job.Name && r.Id === input.RunId);
        if (!run) throw new GlueError('EntityNotFoundException', `Job run ${String(input.RunId)} not found`);
        this.advance(run);
        const { fail: _fail, ...shown } = run;
        return { JobRun: { ...shown, Attempt: 0, ExecutionTime: Math.round(now() - run.StartedOn) } };
      }
      default:
        throw new GlueError(
          'UnknownOperationException',
          `The stand-in does not serve ${operation || 'this request'}`,
        );
    }
  }

  private advance(run: Run): void {
    if (run.JobRunState === 'STARTING') run.JobRunState = 'RUNNING';
    else if (run.JobRunState === 'RUNNING') {
      run.JobRunState = run.fail === undefined ? 'SUCCEEDED' : 'FAILED';
      if (run.fail !== undefined) run.ErrorMessage = run.fail;
      run.CompletedOn = now();
    }
  }

  private job(name: unknown): Job {
    const job = typeof name === 'string' ? this.jobs.get(name) : undefined;
    if (!job) throw new GlueError('EntityNotFoundException', `Job ${String(name)} not found`);
    return job;
  }

  private send(response: ServerResponse, status: number, body: object): void {
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
    });
    response.end(JSON.stringify(body));
  }
}

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new GlueError('InvalidInputException', `${name} is required`);
  return value;
}

function checkCommand(command: unknown): void {
  const c = (command ?? {}) as Input;
  required(c.Name, 'Command.Name');
  const script = required(c.ScriptLocation, 'Command.ScriptLocation');
  if (!script.startsWith('s3://'))
    throw new GlueError('InvalidInputException', 'Command.ScriptLocation must be an s3:// URL');
}
