// One SignalR connection to /hubs/review per page, shared by every .NET subscriber of the circuit.
// The dashboard is a client of the same hub as external clients, with the person's own cookie.
let connection = null;
let started = null;
let liveFeedWanted = false;
const subscribers = new Map();
let nextId = 1;

const events = ["ReviewTaskCreated", "ReviewTaskUpdated", "FeedbackReceived", "FeedbackSkipped", "IssuesChanged"];

function notify(method, ...args) {
    for (const subscriber of subscribers.values()) {
        subscriber.invokeMethodAsync(method, ...args).catch(() => { /* the circuit is going away */ });
    }
}

function ensureStarted() {
    if (connection === null) {
        connection = new signalR.HubConnectionBuilder()
            .withUrl(new URL("hubs/review", document.baseURI).toString())
            .withAutomaticReconnect()
            .build();
        for (const name of events) {
            connection.on(name, payload => notify("OnEvent", name, payload));
        }
        connection.onreconnecting(() => notify("OnConnectionChanged", "reconnecting"));
        connection.onreconnected(async () => {
            if (liveFeedWanted) {
                await connection.invoke("JoinLiveFeed");
            }
            notify("OnConnectionChanged", "connected");
        });
        connection.onclose(() => notify("OnConnectionChanged", "disconnected"));
        started = connection.start().then(() => notify("OnConnectionChanged", "connected"));
    }
    return started;
}

export async function subscribe(dotNetRef) {
    const id = nextId++;
    subscribers.set(id, dotNetRef);
    await ensureStarted();
    return id;
}

export function unsubscribe(id) {
    subscribers.delete(id);
}

export async function joinLiveFeed() {
    liveFeedWanted = true;
    await ensureStarted();
    await connection.invoke("JoinLiveFeed");
}

export async function leaveLiveFeed() {
    liveFeedWanted = false;
    if (connection !== null) {
        await ensureStarted();
        await connection.invoke("LeaveLiveFeed");
    }
}
