// Keyboard shortcuts for the review queue: j/k to move, Enter to open, c to claim, r to resolve, ? for help.
let handler = null;

export function listen(dotNetRef) {
    handler = event => {
        const target = event.target;
        const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
        if (typing || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        if (["j", "k", "c", "r", "?", "Enter"].includes(event.key)) {
            if (event.key === "Enter" && document.querySelector(".mud-dialog, .mud-drawer--open.mud-drawer-temporary")) {
                return;
            }
            event.preventDefault();
            dotNetRef.invokeMethodAsync("OnKey", event.key);
        }
    };
    document.addEventListener("keydown", handler);
}

export function stop() {
    if (handler !== null) {
        document.removeEventListener("keydown", handler);
        handler = null;
    }
}
