// The password of every demo account (README, "Demo accounts"): the core demo and each module's
// seedDemo make their accounts with it.
export const DEMO_PASSWORD = 'talad-demo-2569';
