// The person's choice of light or dark, kept in this browser. No choice: follow the system.
const key = "fd-theme";

export function get() {
    try {
        const value = localStorage.getItem(key);
        return value === "dark" || value === "light" ? value : null;
    } catch {
        return null; // storage blocked: follow the system
    }
}

export function set(value) {
    try {
        localStorage.setItem(key, value);
    } catch {
        // storage blocked: the choice lasts for this page only
    }
}
