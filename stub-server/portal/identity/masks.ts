/**
 * How the portal shows contact details on the reset pages: fixed runs of stars, as the
 * seeds' screenshots show them (002/003 §1.2.2: 136****90, 2*****@qq.com, 薛*).
 */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-2)}`;
export const maskEmail = (email: string) => `${email.slice(0, 1)}*****${email.slice(email.indexOf('@'))}`;
export const maskName = (name: string) => `${[...name][0] ?? ''}*`;
export const maskIdNumber = (id: string) => `${id.slice(0, 2)}*****${id.slice(-2)}`;
